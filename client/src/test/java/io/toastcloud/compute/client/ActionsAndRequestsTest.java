package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.toastcloud.compute.client.action.InstanceActions;
import io.toastcloud.compute.model.CreatedImage;
import io.toastcloud.compute.model.RebootType;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateSpec;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Typed actions send exactly the guide's bodies; optional fields left unset are not sent at all. */
class ActionsAndRequestsTest {
    private static final String ACTION = BASE + "/instances/i-1/action";
    private StubService stub;
    private ToastComputeClient client;

    @BeforeEach
    void start() {
        stub = new StubService();
        stub.issuesToken("token-1");
        client = stub.client();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    static Stream<Arguments> actions() {
        return Stream.of(
                Arguments.of("start", (Consumer<InstanceActions>) a -> a.start("i-1"), "{\"action\":\"start\"}"),
                Arguments.of("stop", (Consumer<InstanceActions>) a -> a.stop("i-1"), "{\"action\":\"stop\"}"),
                Arguments.of("reboot HARD", (Consumer<InstanceActions>) a -> a.reboot("i-1", RebootType.HARD),
                        "{\"action\":\"reboot\",\"parameters\":{\"type\":\"HARD\"}}"),
                Arguments.of("reboot SOFT", (Consumer<InstanceActions>) a -> a.reboot("i-1", RebootType.SOFT),
                        "{\"action\":\"reboot\",\"parameters\":{\"type\":\"SOFT\"}}"),
                Arguments.of("resize", (Consumer<InstanceActions>) a -> a.resize("i-1", "flavor-2"),
                        "{\"action\":\"resize\",\"parameters\":{\"flavor\":\"flavor-2\"}}"),
                Arguments.of("addFloatingIp", (Consumer<InstanceActions>) a -> a.addFloatingIp("i-1", "133.186.150.12", "192.168.0.10"),
                        "{\"action\":\"addFloatingIp\",\"parameters\":{\"address\":\"133.186.150.12\",\"ipAddress\":\"192.168.0.10\"}}"),
                Arguments.of("removeFloatingIp", (Consumer<InstanceActions>) a -> a.removeFloatingIp("i-1", "133.186.150.12"),
                        "{\"action\":\"removeFloatingIp\",\"parameters\":{\"address\":\"133.186.150.12\"}}"),
                Arguments.of("addSecurityGroup", (Consumer<InstanceActions>) a -> a.addSecurityGroup("i-1", "web"),
                        "{\"action\":\"addSecurityGroup\",\"parameters\":{\"name\":\"web\"}}"),
                Arguments.of("removeSecurityGroup", (Consumer<InstanceActions>) a -> a.removeSecurityGroup("i-1", "web"),
                        "{\"action\":\"removeSecurityGroup\",\"parameters\":{\"name\":\"web\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void eachActionSendsTheGuidesBody(String name, Consumer<InstanceActions> call, String body) {
        stub.server.stubFor(post(urlPathEqualTo(ACTION)).willReturn(json(ok(""))));
        call.accept(client.actions());
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(ACTION)).withRequestBody(equalToJson(body))
                .withHeader("X-Auth-Token", equalTo("token-1")));
    }

    @Test
    void uploadImageReturnsTheCreatedImage() {
        stub.server.stubFor(post(urlPathEqualTo(ACTION)).willReturn(json(ok("\"createdImage\":{\"id\":\"img-9\",\"name\":\"golden\"}"))));
        CreatedImage image = client.actions().uploadImage("i-1", "golden");
        assertEquals("img-9", image.getId());
        assertEquals("golden", image.getName());
        stub.server.verify(postRequestedFor(urlPathEqualTo(ACTION))
                .withRequestBody(equalToJson("{\"action\":\"uploadImage\",\"parameters\":{\"name\":\"golden\"}}")));
    }

    @Test
    void unsetOptionalFieldsAreNotSentAsNull() {
        stub.server.stubFor(post(urlPathEqualTo(BASE + "/volumes")).willReturn(json(ok(""))));
        client.volumes().createVolume(new VolumeCreateRequest().volume(
                new VolumeCreateSpec().name("data").size(100).availabilityZone("kr-pub-a").volumeType("")));
        String sent = stub.server.findAll(postRequestedFor(urlPathEqualTo(BASE + "/volumes"))).get(0).getBodyAsString();
        assertFalse(sent.contains("null"), sent);
        assertFalse(sent.contains("description"), sent);
        assertFalse(sent.contains("metadata"), sent);
    }

    @Test
    void theClientsAppkeyIsInEveryPathAsOnePercentEncodedSegment() {
        String prefix = "/v1.0/appkeys/a%20b%2F%C3%BC";
        stub.server.stubFor(post(urlPathEqualTo(prefix + "/tokens")).willReturn(json(StubService.tokenBody("tok-2",
                stub.clock.instant().plusSeconds(3600)))));
        stub.server.stubFor(post(urlPathEqualTo(prefix + "/volumes")).willReturn(json(ok(""))));
        try (ToastComputeClient other = stub.clientBuilder().appkey("a b/\u00fc").build()) {
            other.volumes().createVolume(new VolumeCreateRequest().volume(
                    new VolumeCreateSpec().name("data").size(100).availabilityZone("kr-pub-a").volumeType("")));
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(prefix + "/tokens")));
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(prefix + "/volumes")));
    }
}
