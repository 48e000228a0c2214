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

import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.client.resource.FixedIpAddress;
import io.toastcloud.compute.client.resource.FlavorId;
import io.toastcloud.compute.client.resource.FloatingIpAddress;
import io.toastcloud.compute.client.resource.InstanceId;
import io.toastcloud.compute.client.resource.Instances;
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
    private static final InstanceId I1 = InstanceId.of("i-1");
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
                Arguments.of("start", (Consumer<Instances>) a -> a.start(I1), "{\"action\":\"start\"}"),
                Arguments.of("stop", (Consumer<Instances>) a -> a.stop(I1), "{\"action\":\"stop\"}"),
                Arguments.of("reboot HARD", (Consumer<Instances>) a -> a.reboot(I1, RebootType.HARD),
                        "{\"action\":\"reboot\",\"parameters\":{\"type\":\"HARD\"}}"),
                Arguments.of("reboot SOFT", (Consumer<Instances>) a -> a.reboot(I1, RebootType.SOFT),
                        "{\"action\":\"reboot\",\"parameters\":{\"type\":\"SOFT\"}}"),
                Arguments.of("resize", (Consumer<Instances>) a -> a.resize(I1, FlavorId.of("flavor-2")),
                        "{\"action\":\"resize\",\"parameters\":{\"flavor\":\"flavor-2\"}}"),
                Arguments.of("addFloatingIp", (Consumer<Instances>) a -> a.addFloatingIp(I1, FloatingIpAddress.of("133.186.150.12"), FixedIpAddress.of("192.168.0.10")),
                        "{\"action\":\"addFloatingIp\",\"parameters\":{\"address\":\"133.186.150.12\",\"ipAddress\":\"192.168.0.10\"}}"),
                Arguments.of("removeFloatingIp", (Consumer<Instances>) a -> a.removeFloatingIp(I1, FloatingIpAddress.of("133.186.150.12")),
                        "{\"action\":\"removeFloatingIp\",\"parameters\":{\"address\":\"133.186.150.12\"}}"),
                Arguments.of("addSecurityGroup", (Consumer<Instances>) a -> a.addSecurityGroup(I1, "web"),
                        "{\"action\":\"addSecurityGroup\",\"parameters\":{\"name\":\"web\"}}"),
                Arguments.of("removeSecurityGroup", (Consumer<Instances>) a -> a.removeSecurityGroup(I1, "web"),
                        "{\"action\":\"removeSecurityGroup\",\"parameters\":{\"name\":\"web\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void eachActionSendsTheGuidesBody(String name, Consumer<Instances> call, String body) {
        stub.server.stubFor(post(urlPathEqualTo(ACTION)).willReturn(json(ok(""))));
        call.accept(client.instances());
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(ACTION)).withRequestBody(equalToJson(body))
                .withHeader("X-Auth-Token", equalTo("token-1")));
    }

    @Test
    void uploadImageReturnsTheCreatedImage() {
        stub.server.stubFor(post(urlPathEqualTo(ACTION)).willReturn(json(ok("\"createdImage\":{\"id\":\"img-9\",\"name\":\"golden\"}"))));
        CreatedImage image = client.instances().uploadImage(I1, "golden");
        assertEquals("img-9", image.getId());
        assertEquals("golden", image.getName());
        stub.server.verify(postRequestedFor(urlPathEqualTo(ACTION))
                .withRequestBody(equalToJson("{\"action\":\"uploadImage\",\"parameters\":{\"name\":\"golden\"}}")));
    }

    @Test
    void unsetOptionalFieldsAreNotSentAsNull() {
        stub.server.stubFor(post(urlPathEqualTo(BASE + "/volumes")).willReturn(json(ok(""))));
        client.api(BlockStorageApi.class).createVolume(new VolumeCreateRequest().volume(
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
            other.api(BlockStorageApi.class).createVolume(new VolumeCreateRequest().volume(
                    new VolumeCreateSpec().name("data").size(100).availabilityZone("kr-pub-a").volumeType("")));
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(prefix + "/tokens")));
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(prefix + "/volumes")));
    }
}
