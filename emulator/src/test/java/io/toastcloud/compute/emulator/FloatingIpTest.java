package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.Fixtures.action;
import static io.toastcloud.compute.emulator.Fixtures.activeInstance;
import static io.toastcloud.compute.emulator.Fixtures.instance;
import static io.toastcloud.compute.emulator.Fixtures.instanceDetail;
import static io.toastcloud.compute.emulator.RawApi.fails;
import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Floating IPs: a small pool (20001 when exhausted), association shown on both sides, delete only when free. */
class FloatingIpTest {
    private static final String CREATE = "{\"pool\":{\"id\":\"" + ValidationTest.POOL + "\"}}";
    @RegisterExtension
    static final EmulatorHarness emulator = EmulatorHarness.onManualClock(b -> b.floatingIpsPerAppkey(3));

    @Test
    void thePoolRunsOutAfterItsAddressesAndAFreedAddressCanBeAllocatedAgain() {
        RawApi api = emulator.raw();
        Set<String> addresses = new HashSet<>();
        String firstId = null;
        for (int n = 0; n < 3; n++) {
            JsonNode ip = ok(api.post("/floating-ips", CREATE)).path("floatingip");
            assertEquals("DOWN", ip.path("status").asText());
            assertEquals("public", ip.at("/pool/name").asText());
            addresses.add(ip.path("floatingIpAddress").asText());
            firstId = firstId == null ? ip.path("id").asText() : firstId;
        }
        assertEquals(Set.of("133.186.150.10", "133.186.150.11", "133.186.150.12"), addresses);
        String message = fails(20001, api.post("/floating-ips", CREATE));
        assertEquals("No available IP", message);
        ok(api.delete("/floating-ips?id=" + firstId));
        assertEquals("133.186.150.10", ok(api.post("/floating-ips", CREATE)).at("/floatingip/floatingIpAddress").asText());
        ok(emulator.raw().post("/floating-ips", CREATE)); // another appkey has its own pool
    }

    @Test
    void anUnknownPoolIsNonexistent() {
        fails(-5, emulator.raw().post("/floating-ips", "{\"pool\":{\"id\":\"nope\"}}"));
    }

    @Test
    void anAssociatedFloatingIpShowsInTheInstanceAddressesAndCannotBeDeleted() {
        RawApi api = emulator.raw();
        String instanceId = activeInstance(emulator.clock, api, "web-01");
        JsonNode ip = ok(api.post("/floating-ips", CREATE)).path("floatingip");
        String address = ip.path("floatingIpAddress").asText();
        String fixed = instanceDetail(api, instanceId).at("/addresses/0/ipAddress").asText();
        fails(-4, action(api, instanceId, add(address, "10.0.0.99")));
        ok(action(api, instanceId, add(address, fixed)));
        JsonNode listed = ok(api.get("/floating-ips?id=" + ip.path("id").asText())).at("/floatingips/0");
        assertEquals("ACTIVE", listed.path("status").asText());
        assertEquals(fixed, listed.path("fixedIpAddress").asText());
        assertFalse(listed.path("portId").asText().isEmpty());
        assertFalse(listed.path("routerId").asText().isEmpty());
        assertEquals(address, instanceDetail(api, instanceId).at("/addresses/0/floatingIpAddress").asText());
        fails(22409, api.delete("/floating-ips?id=" + ip.path("id").asText()));
        String other = activeInstance(emulator.clock, api, "web-02");
        String otherFixed = instanceDetail(api, other).at("/addresses/0/ipAddress").asText();
        fails(22409, action(api, other, add(address, otherFixed)));
        fails(10409, action(api, other, remove(address)));
        ok(action(api, instanceId, remove(address)));
        JsonNode freed = ok(api.get("/floating-ips?id=" + ip.path("id").asText())).at("/floatingips/0");
        assertEquals("DOWN", freed.path("status").asText());
        assertFalse(freed.has("fixedIpAddress"));
        assertFalse(instanceDetail(api, instanceId).at("/addresses/0").has("floatingIpAddress"));
        ok(api.delete("/floating-ips?id=" + ip.path("id").asText()));
        fails(22404, api.get("/floating-ips?id=" + ip.path("id").asText()));
        fails(22404, api.delete("/floating-ips?id=" + ip.path("id").asText()));
        fails(22404, action(api, instanceId, remove(address)));
    }

    @Test
    void aDeletedInstanceReleasesItsFloatingIp() {
        RawApi api = emulator.raw();
        String instanceId = activeInstance(emulator.clock, api, "web-01");
        JsonNode ip = ok(api.post("/floating-ips", CREATE)).path("floatingip");
        ok(action(api, instanceId, add(ip.path("floatingIpAddress").asText(),
                instanceDetail(api, instanceId).at("/addresses/0/ipAddress").asText())));
        ok(api.delete("/instances?id=" + instanceId));
        emulator.clock.advance(Transition.INSTANCE_DELETE.defaultDelay());
        assertEquals("DOWN", ok(api.get("/floating-ips?id=" + ip.path("id").asText())).at("/floatingips/0/status").asText());
        ok(api.delete("/floating-ips?id=" + ip.path("id").asText()));
    }

    @Test
    void aFloatingIpCannotBeAssociatedWithAnInstanceBeingBuilt() {
        RawApi api = emulator.raw();
        String building = instance(api, "web-01");
        String address = ok(api.post("/floating-ips", CREATE)).at("/floatingip/floatingIpAddress").asText();
        fails(10409, action(api, building, add(address, "10.161.244.13")));
    }

    static String add(String address, String fixed) {
        return "{\"action\":\"addFloatingIp\",\"parameters\":{\"address\":\"" + address + "\",\"ipAddress\":\"" + fixed + "\"}}";
    }

    static String remove(String address) {
        return "{\"action\":\"removeFloatingIp\",\"parameters\":{\"address\":\"" + address + "\"}}";
    }
}
