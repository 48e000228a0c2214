package io.toastcloud.compute.client.resource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.failure;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.toastcloud.compute.client.StubService;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.error.InvalidParametersException;
import io.toastcloud.compute.client.error.RequestValidationException;
import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceSummary;
import io.toastcloud.compute.model.Volume;
import io.toastcloud.compute.model.VolumeCreateSpec;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the resource classes change in shape: Optional for "not there", no envelopes, typed ids, waiters' results. */
class ResourceBehaviourTest {
    private static final String DETAILS = BASE + "/instances-detail";
    private StubService stub;
    private ToastComputeClient toast;

    @BeforeEach
    void start() {
        stub = new StubService();
        stub.issuesToken("token-1");
        toast = stub.client();
    }

    @AfterEach
    void stop() {
        toast.close();
        stub.close();
    }

    private void answers(String path, String body) {
        stub.server.stubFor(get(urlPathEqualTo(path)).willReturn(json(body)));
    }

    @Test
    void getAsksForTheIdAndReturnsTheOne() {
        answers(DETAILS, ok("\"instances\":[{\"id\":\"i-1\",\"name\":\"web-01\",\"status\":\"ACTIVE\"}]"));
        assertEquals("web-01", toast.instances().get(InstanceId.of("i-1")).orElseThrow().getName());
        stub.server.verify(getRequestedFor(urlPathEqualTo(DETAILS)).withQueryParam("id", equalTo("i-1")));
    }

    @Test
    void getIsEmptyWhenTheServiceSaysNotFound() {
        answers(DETAILS, failure(10404, "Instance could not be found."));
        assertEquals(Optional.empty(), toast.instances().get(InstanceId.of("i-404")));
        answers(BASE + "/volumes", ok("\"volumes\":[]"));
        assertEquals(Optional.empty(), toast.volumes().get(VolumeId.of("v-404")), "an empty list is not found too");
    }

    @Test
    void getStillThrowsEveryOtherFailure() {
        answers(DETAILS, failure(-4, "Invalid parameters."));
        assertThrows(InvalidParametersException.class, () -> toast.instances().get(InstanceId.of("i-1")));
    }

    @Test
    void aListedElementWithAnotherIdIsNotTheOneAskedFor() {
        // images have no id filter: the whole list is read and the id picked out
        answers(BASE + "/images", ok("\"images\":[{\"id\":\"img-1\",\"name\":\"CentOS 7.3\"}]"));
        assertEquals(Optional.empty(), toast.images().get(ImageId.of("img-2")));
        assertEquals("CentOS 7.3", toast.images().get(ImageId.of("img-1")).orElseThrow().getName());
    }

    @Test
    void keypairFindByNameIsEmptyForAMissingNameInsteadOfThrowing() {
        answers(BASE + "/keypairs", failure(13404, "Keypair nobody not found."));
        assertEquals(Optional.empty(), toast.keypairs().findByName("nobody"));
        stub.server.verify(getRequestedFor(urlPathEqualTo(BASE + "/keypairs")).withQueryParam("name", equalTo("nobody")));
    }

    @Test
    void findByNameFindsTheOneAndRefusesToPickAmongSeveral() {
        answers(BASE + "/volumes", ok("\"volumes\":[{\"id\":\"v-1\",\"name\":\"data\"},{\"id\":\"v-2\",\"name\":\"logs\"},"
                + "{\"id\":\"v-3\",\"name\":\"logs\"}]"));
        assertEquals("v-1", toast.volumes().findByName("data").orElseThrow().getId());
        assertEquals(Optional.empty(), toast.volumes().findByName("nothing"));
        IllegalStateException several = assertThrows(IllegalStateException.class, () -> toast.volumes().findByName("logs"));
        assertTrue(several.getMessage().contains("v-2, v-3"), several.getMessage());
        assertEquals(2, toast.volumes().findAllByName("logs").size());
    }

    @Test
    void createWrapsTheSpecAndReturnsTheCreatedThingWithoutEnvelope() {
        stub.server.stubFor(post(urlPathEqualTo(BASE + "/instances")).willReturn(json(ok(
                "\"instance\":{\"id\":\"i-1\",\"name\":\"web-01\",\"status\":\"BUILD\"}"))));
        InstanceSummary created = toast.instances().create(FacadeStub.instanceSpec());
        assertEquals("i-1", created.getId());
        stub.server.verify(postRequestedFor(urlPathEqualTo(BASE + "/instances")).withRequestBody(equalToJson(
                "{\"instance\":{\"name\":\"web-01\",\"image\":\"img-1\",\"flavor\":\"f-1\",\"keyName\":\"k\"}}",
                true, true)));

        stub.server.stubFor(post(urlPathEqualTo(BASE + "/volumes")).willReturn(json(ok(
                "\"volume\":{\"id\":\"v-1\",\"name\":\"data\",\"size\":10,\"status\":\"creating\"}"))));
        Volume volume = toast.volumes().create(new VolumeCreateSpec().name("data").size(10).availabilityZone("kr-pub-a"));
        assertEquals(VolumeId.of("v-1"), VolumeId.of(volume));
    }

    @Test
    void theContractStillJudgesWhatTheResourceClassesSend() {
        RequestValidationException refused = assertThrows(RequestValidationException.class,
                () -> toast.volumes().create(new VolumeCreateSpec().name("data").size(-1).availabilityZone("kr-pub-a")));
        assertTrue(refused.getMessage().contains("size"), refused.getMessage());
        assertEquals(0, stub.server.findAll(postRequestedFor(urlPathEqualTo(BASE + "/volumes"))).size(), "nothing was sent");
    }

    @Test
    void attachTakesTheVolumeFirstAndSendsItToTheInstance() {
        String attachments = BASE + "/instances/i-1/attachments";
        stub.server.stubFor(post(urlPathEqualTo(attachments)).willReturn(json(ok(
                "\"attachment\":{\"id\":\"att-1\",\"volumeId\":\"v-1\",\"device\":\"/dev/vdb\"}"))));
        assertEquals("/dev/vdb", toast.volumes().attach(VolumeId.of("v-1"), InstanceId.of("i-1")).getDevice());
        stub.server.verify(postRequestedFor(urlPathEqualTo(attachments))
                .withRequestBody(equalToJson("{\"attachment\":{\"volumeId\":\"v-1\"}}")));
    }

    @Test
    void theInstanceWaiterReturnsTheDetailWithItsAddresses() {
        String detail = "\"instances\":[{\"id\":\"i-1\",\"name\":\"web-01\",\"status\":\"%s\","
                + "\"addresses\":[{\"ipAddress\":\"192.168.0.10\",\"version\":4}]}]";
        stub.server.stubFor(get(urlPathEqualTo(DETAILS)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(ok(detail.formatted("BUILD")))).willSetStateTo("up"));
        stub.server.stubFor(get(urlPathEqualTo(DETAILS)).inScenario("s").whenScenarioStateIs("up")
                .willReturn(json(ok(detail.formatted("ACTIVE")))));
        InstanceDetail running = toast.instances().waitUntilActive(InstanceId.of("i-1"));
        assertEquals("192.168.0.10", running.getAddresses().get(0).getIpAddress());
        stub.server.verify(2, getRequestedFor(urlPathEqualTo(DETAILS)).withQueryParam("id", equalTo("i-1")));
    }

    @Test
    void addFloatingIpFindsTheInstancesOnlyFixedAddress() {
        answers(DETAILS, ok("\"instances\":[{\"id\":\"i-1\",\"name\":\"web-01\",\"status\":\"ACTIVE\","
                + "\"addresses\":[{\"ipAddress\":\"192.168.0.10\",\"version\":4}]}]"));
        String action = BASE + "/instances/i-1/action";
        stub.server.stubFor(post(urlPathEqualTo(action)).willReturn(json(ok(""))));
        toast.instances().addFloatingIp(InstanceId.of("i-1"), FloatingIpAddress.of("133.186.150.12"));
        stub.server.verify(postRequestedFor(urlPathEqualTo(action)).withRequestBody(equalToJson(
                "{\"action\":\"addFloatingIp\",\"parameters\":{\"address\":\"133.186.150.12\",\"ipAddress\":\"192.168.0.10\"}}")));
    }

    @Test
    void addFloatingIpRefusesToGuessAmongSeveralFixedAddressesAndChangesNothing() {
        answers(DETAILS, ok("\"instances\":[{\"id\":\"i-1\",\"name\":\"web-01\",\"status\":\"ACTIVE\",\"addresses\":["
                + "{\"ipAddress\":\"192.168.0.10\",\"version\":4},{\"ipAddress\":\"10.0.0.7\",\"version\":4}]}]"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> toast.instances().addFloatingIp(InstanceId.of("i-1"), FloatingIpAddress.of("133.186.150.12")));
        assertTrue(e.getMessage().contains("2 fixed IPv4 addresses"), e.getMessage());
        assertEquals(0, stub.server.findAll(postRequestedFor(urlPathEqualTo(BASE + "/instances/i-1/action"))).size());
    }

    @Test
    void idsRefuseNothingButNamesWhichIdWasMissing() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> InstanceId.of(" "));
        assertTrue(blank.getMessage().contains("instanceId"), blank.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> VolumeId.of(new Volume()));
        assertTrue(none.getMessage().contains("volume has no id"), none.getMessage());
        assertEquals("i-1", InstanceId.of("i-1").toString(), "toString is the raw id, for logs and messages");
    }
}
