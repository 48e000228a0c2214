package io.toastcloud.compute.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.FloatingIpApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.error.NoAvailableIpException;
import io.toastcloud.compute.client.error.ServerSideException;
import io.toastcloud.compute.emulator.EmulatorServer;
import io.toastcloud.compute.emulator.control.FaultRule;
import io.toastcloud.compute.model.FloatingIpCreateRequest;
import io.toastcloud.compute.model.FloatingIpPoolReference;
import io.toastcloud.compute.model.InstanceStatus;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The annotation as a user would write it: real time with short delays, one IP per pool, a CI user. */
@ToastEmulator(delays = "20ms", floatingIps = 1, users = "ci@example.com:ci-secret", tokenLifetime = "10m")
class AnnotatedEmulatorTest {
    private static final Set<String> APPKEYS_SEEN = new HashSet<>();
    private static EmulatorServer firstServer;

    @BeforeEach
    void everyTestHasItsOwnAppkeyOnOneEmulator(@Appkey String appkey, EmulatorServer emulator, TestInfo test) {
        synchronized (APPKEYS_SEEN) {
            assertTrue(APPKEYS_SEEN.add(appkey), "an appkey of its own: " + appkey);
            if (firstServer == null) {
                firstServer = emulator;
            }
            assertEquals(firstServer, emulator, "one emulator for the class");
        }
        assertTrue(emulator.faults().list().isEmpty(), "no rule left over from another test");
    }

    @Test
    void theClientIsConfiguredForTheTestsAppkeyAndTheFirstUser(ToastComputeClient client, @Appkey String appkey,
            EmulatorServer emulator) {
        assertEquals(appkey, client.appkey());
        assertTrue(client.api(FlavorApi.class).listFlavors().getFlavors().size() > 0);
        var token = emulator.state(appkey).orElseThrow().path("tokens").get(0);
        assertEquals("ci@example.com", token.path("username").asText());
        assertEquals(10 * 60 * 1000, token.path("expiresAt").asLong() - token.path("issuedAt").asLong(), "tokenLifetime 10m");
    }

    @Test
    void theEndpointIsInjectedForOtherClients(URI uri, @Endpoint String endpoint, @Endpoint(servicePath = true) String service,
            EmulatorServer emulator) {
        assertEquals(emulator.endpoint(), endpoint);
        assertEquals(URI.create(endpoint), uri);
        assertEquals(endpoint + "/compute", service);
        assertEquals("127.0.0.1", uri.getHost());
        assertNotEquals(8787, uri.getPort(), "a free port, not the standalone default");
    }

    @Test
    void theFloatingIpPoolHasTheConfiguredSize(ToastComputeClient client) {
        String pool = client.api(FloatingIpApi.class).listFloatingIpPools().getPools().get(0).getId();
        FloatingIpCreateRequest request = new FloatingIpCreateRequest().pool(new FloatingIpPoolReference().id(pool));
        client.api(FloatingIpApi.class).createFloatingIp(request);
        assertThrows(NoAvailableIpException.class, () -> client.api(FloatingIpApi.class).createFloatingIp(request));
    }

    @Test
    void waitersFinishInRealTimeWithTheShortDelays(ToastComputeClient client) {
        String id = Instances.create(client, "web-01");
        assertEquals(InstanceStatus.ACTIVE, client.instanceWaiter().untilActive(id).getStatus());
    }

    @Test
    void aFaultRuleOfThisTestIsClearedAfterIt(ToastComputeClient client, EmulatorServer emulator) {
        client.api(FlavorApi.class).listFlavors();
        emulator.faults().add(FaultRule.on("listFlavors").resultCode(-2));
        assertThrows(ServerSideException.class, () -> client.api(FlavorApi.class).listFlavors());
    }

    @Nested
    class NestedTests {
        @Test
        void shareTheOuterClassesEmulator(EmulatorServer emulator, @Appkey String appkey) {
            assertEquals(firstServer == null ? emulator : firstServer, emulator);
            assertTrue(appkey.startsWith("test-"), appkey);
        }
    }
}
