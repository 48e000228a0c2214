package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.failure;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.toastcloud.compute.client.error.ResourceFailedException;
import io.toastcloud.compute.client.error.WaiterTimeoutException;
import io.toastcloud.compute.client.waiter.WaiterConfig;
import io.toastcloud.compute.model.InstanceStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Waiters poll with growing, capped delays; they fail fast on failure states and give up at the timeout. */
class WaiterTest {
    private static final String INSTANCES = BASE + "/instances";
    /** A status is polled on the detailed list, so that the waiter returns the detail. */
    private static final String DETAILS = BASE + "/instances-detail";
    private StubService stub;
    private ToastComputeClient client;

    @BeforeEach
    void start() {
        stub = new StubService();
        stub.issuesToken("token-1");
        client = stub.clientBuilder().waiterConfig(new WaiterConfig(Duration.ofSeconds(60), Duration.ofSeconds(1),
                Duration.ofSeconds(4), 2.0, 0.0)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private static String instance(String status) {
        return ok("\"instances\":[{\"id\":\"i-1\",\"name\":\"web-01\",\"status\":\"" + status + "\"}]");
    }

    private void instanceGoesThrough(String... bodies) {
        goesThrough(DETAILS, bodies);
    }

    private void goesThrough(String path, String... bodies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < bodies.length; i++) {
            String next = i == bodies.length - 1 ? state : "s" + (i + 1);
            stub.server.stubFor(get(urlPathEqualTo(path)).inScenario("life").whenScenarioStateIs(state)
                    .willReturn(json(bodies[i])).willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void waitsUntilActiveWithGrowingCappedDelays() {
        instanceGoesThrough(instance("BUILD"), instance("BUILD"), instance("BUILD"), instance("BUILD"), instance("ACTIVE"));
        assertEquals(InstanceStatus.ACTIVE, client.instanceWaiter().untilActive("i-1").getStatus());
        stub.server.verify(5, getRequestedFor(urlPathEqualTo(DETAILS)));
        assertEquals(java.util.List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4)),
                stub.sleeps);
    }

    @Test
    void failsFastOnError() {
        instanceGoesThrough(instance("BUILD"), instance("ERROR"));
        ResourceFailedException e = assertThrows(ResourceFailedException.class, () -> client.instanceWaiter().untilActive("i-1"));
        assertEquals("ERROR", e.status());
        stub.server.verify(2, getRequestedFor(urlPathEqualTo(DETAILS)));
    }

    @Test
    void errorCanBeWaitedForExplicitly() {
        instanceGoesThrough(instance("BUILD"), instance("ERROR"));
        assertEquals(InstanceStatus.ERROR, client.instanceWaiter().untilStatus("i-1", InstanceStatus.ERROR).getStatus());
    }

    @Test
    void givesUpAtTheTimeout() {
        stub.server.stubFor(get(urlPathEqualTo(DETAILS)).willReturn(json(instance("BUILD"))));
        WaiterTimeoutException e = assertThrows(WaiterTimeoutException.class, () -> client.instanceWaiter().untilActive("i-1"));
        assertEquals("BUILD", e.lastStatus());
        Duration waited = stub.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(Duration.ofSeconds(60), waited, "sleeps add up to exactly the timeout");
    }

    @Test
    void waitsUntilGoneWhetherTheListEmptiesOrTheServiceSaysNonexistent() {
        goesThrough(INSTANCES, instance("DELETING"), ok("\"instances\":[]"));
        client.instanceWaiter().untilGone("i-1");
        stub.server.resetAll();
        stub.issuesToken("token-1");
        goesThrough(INSTANCES, instance("DELETING"), failure(10404, "Instance could not be found."));
        client.instanceWaiter().untilGone("i-1");
    }

    @Test
    void volumeBecomesAvailableAndFailsOnErrorStates() {
        String volume = "\"volumes\":[{\"id\":\"v-1\",\"name\":\"d\",\"size\":10,\"availabilityZone\":\"kr-pub-a\",\"attachments\":[],\"status\":\"%s\"}]";
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/volumes")).inScenario("v").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(ok(String.format(volume, "creating")))).willSetStateTo("done"));
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/volumes")).inScenario("v").whenScenarioStateIs("done")
                .willReturn(json(ok(String.format(volume, "available")))));
        assertEquals("available", client.volumeWaiter().untilAvailable("v-1").getStatus().getValue());
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/volumes")).willReturn(json(ok(String.format(volume, "error")))));
        assertThrows(ResourceFailedException.class, () -> client.volumeWaiter().untilInUse("v-1"));
    }

    @Test
    void imageBecomesActiveAndFailsWhenKilled() {
        String image = "\"images\":[{\"id\":\"img-1\",\"name\":\"golden\",\"status\":\"%s\"},{\"id\":\"other\",\"name\":\"o\",\"status\":\"active\"}]";
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/images")).inScenario("i").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(ok(String.format(image, "saving")))).willSetStateTo("done"));
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/images")).inScenario("i").whenScenarioStateIs("done")
                .willReturn(json(ok(String.format(image, "active")))));
        assertEquals("img-1", client.imageWaiter().untilActive("img-1").getId());
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/images")).willReturn(json(ok(String.format(image, "killed")))));
        ResourceFailedException e = assertThrows(ResourceFailedException.class, () -> client.imageWaiter().untilActive("img-1"));
        assertTrue(e.getMessage().contains("killed"));
    }

    @Test
    void waiterConfigRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new WaiterConfig(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new WaiterConfig(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5, 1.0));
    }
}
