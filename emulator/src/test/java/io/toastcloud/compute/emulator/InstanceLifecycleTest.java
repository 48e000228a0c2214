package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.Fixtures.action;
import static io.toastcloud.compute.emulator.Fixtures.activeInstance;
import static io.toastcloud.compute.emulator.Fixtures.almost;
import static io.toastcloud.compute.emulator.Fixtures.instance;
import static io.toastcloud.compute.emulator.Fixtures.instanceDetail;
import static io.toastcloud.compute.emulator.Fixtures.instanceStatus;
import static io.toastcloud.compute.emulator.Fixtures.rest;
import static io.toastcloud.compute.emulator.RawApi.fails;
import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The instance status machine and the preconditions of each action, step by step on a manual clock. */
class InstanceLifecycleTest {
    @RegisterExtension
    static final EmulatorHarness emulator = EmulatorHarness.onManualClock(b -> { });

    @Test
    void aNewInstanceIsBuildUntilTheBuildDelayHasPassedThenActive() {
        RawApi api = emulator.raw();
        String id = instance(api, "web-01");
        almost(emulator.clock, Transition.INSTANCE_BUILD);
        assertEquals("BUILD", instanceStatus(api, id));
        assertFalse(instanceDetail(api, id).has("launchedAt"));
        rest(emulator.clock);
        assertEquals("ACTIVE", instanceStatus(api, id));
        JsonNode detail = instanceDetail(api, id);
        assertTrue(detail.has("launchedAt"));
        assertEquals("t2.c1m1", detail.at("/flavor/name").asText());
        assertEquals(20, detail.at("/volumes/root/size").asInt());
        assertEquals("default", detail.at("/securityGroups/0/name").asText());
        assertEquals("10.161.244.13", detail.at("/addresses/0/ipAddress").asText());
    }

    @Test
    void stopOnlyFromActiveOrErrorPassingThroughPoweringOff() {
        RawApi api = emulator.raw();
        String id = instance(api, "web-01");
        String message = fails(10409, action(api, id, "{\"action\":\"stop\"}"));
        assertTrue(message.contains("'stop'") && message.contains("BUILD"), message);
        emulator.clock.advance(Transition.INSTANCE_BUILD.defaultDelay());
        ok(action(api, id, "{\"action\":\"stop\"}"));
        assertEquals("POWERING_OFF", instanceStatus(api, id));
        fails(10409, action(api, id, "{\"action\":\"stop\"}"));
        almost(emulator.clock, Transition.INSTANCE_POWER_OFF);
        assertEquals("POWERING_OFF", instanceStatus(api, id));
        rest(emulator.clock);
        assertEquals("STOP", instanceStatus(api, id));
        fails(10409, action(api, id, "{\"action\":\"stop\"}"));
    }

    @Test
    void startOnlyFromStopPassingThroughPoweringOn() {
        RawApi api = emulator.raw();
        String id = activeInstance(emulator.clock, api, "web-01");
        fails(10409, action(api, id, "{\"action\":\"start\"}"));
        ok(action(api, id, "{\"action\":\"stop\"}"));
        emulator.clock.advance(Transition.INSTANCE_POWER_OFF.defaultDelay());
        ok(action(api, id, "{\"action\":\"start\"}"));
        assertEquals("POWERING_ON", instanceStatus(api, id));
        almost(emulator.clock, Transition.INSTANCE_POWER_ON);
        assertEquals("POWERING_ON", instanceStatus(api, id));
        rest(emulator.clock);
        assertEquals("ACTIVE", instanceStatus(api, id));
    }

    @Test
    void rebootPassesThroughRebootingBackToActive() {
        RawApi api = emulator.raw();
        String id = activeInstance(emulator.clock, api, "web-01");
        ok(action(api, id, "{\"action\":\"reboot\",\"parameters\":{\"type\":\"SOFT\"}}"));
        assertEquals("REBOOTING", instanceStatus(api, id));
        fails(10409, action(api, id, "{\"action\":\"reboot\",\"parameters\":{\"type\":\"HARD\"}}"));
        emulator.clock.advance(Transition.INSTANCE_REBOOT.defaultDelay());
        assertEquals("ACTIVE", instanceStatus(api, id));
    }

    @Test
    void resizePassesThroughResizingToThePreviousStatusWithTheNewFlavor() {
        RawApi api = emulator.raw();
        String id = activeInstance(emulator.clock, api, "web-01");
        fails(-4, action(api, id, resize(ValidationTest.T2_FLAVOR)));
        fails(11404, action(api, id, resize("no-such-flavor")));
        ok(action(api, id, "{\"action\":\"stop\"}"));
        emulator.clock.advance(Transition.INSTANCE_POWER_OFF.defaultDelay());
        ok(action(api, id, resize(ValidationTest.U2_FLAVOR)));
        assertEquals("RESIZING", instanceStatus(api, id));
        assertEquals("t2.c1m1", instanceDetail(api, id).at("/flavor/name").asText());
        emulator.clock.advance(Transition.INSTANCE_RESIZE.defaultDelay());
        JsonNode detail = instanceDetail(api, id);
        assertEquals("STOP", detail.path("status").asText());
        assertEquals("u2.c2m4", detail.at("/flavor/name").asText());
        assertEquals(40, detail.at("/volumes/root/size").asInt(), "the fixed disk of the u2 flavor");
    }

    @Test
    void uploadImageOnlyFromStopAndTheImageGoesQueuedSavingActive() {
        RawApi api = emulator.raw();
        String id = activeInstance(emulator.clock, api, "web-01");
        fails(10409, action(api, id, upload("web-01-golden")));
        ok(action(api, id, "{\"action\":\"stop\"}"));
        emulator.clock.advance(Transition.INSTANCE_POWER_OFF.defaultDelay());
        JsonNode created = ok(action(api, id, upload("web-01-golden"))).path("createdImage");
        assertEquals("web-01-golden", created.path("name").asText());
        String imageId = created.path("id").asText();
        JsonNode queued = image(api, imageId);
        assertEquals("queued", queued.path("status").asText());
        assertTrue(queued.path("size").isMissingNode() && queued.path("diskFormat").isMissingNode(), "no data yet: " + queued);
        emulator.clock.advance(Transition.IMAGE_QUEUE.defaultDelay());
        assertEquals("saving", image(api, imageId).path("status").asText());
        emulator.clock.advance(Transition.IMAGE_SAVE.defaultDelay());
        JsonNode image = image(api, imageId);
        assertEquals("active", image.path("status").asText());
        assertEquals(20, image.path("minDisk").asInt());
        assertEquals("linux", image.at("/properties/os_type").asText());
        assertFalse(image.path("isPublic").asBoolean());
        assertEquals("STOP", instanceStatus(api, id));
        ok(api.post("/instances", ValidationTest.instance(i -> i.put("name", "web-02").put("image", imageId))));
        ok(api.delete("/images?id=" + imageId));
        fails(30404, api.delete("/images?id=" + imageId));
        assertFalse(ok(api.get("/images")).path("images").toString().contains(imageId), "deleted");
    }

    @Test
    void deletePassesThroughDeletingAndThenTheInstanceIsGone() {
        RawApi api = emulator.raw();
        String id = activeInstance(emulator.clock, api, "web-01");
        ok(api.delete("/instances?id=" + id));
        assertEquals("DELETING", instanceStatus(api, id));
        ok(api.delete("/instances?id=" + id));
        fails(10409, action(api, id, "{\"action\":\"stop\"}"));
        emulator.clock.advance(Transition.INSTANCE_DELETE.defaultDelay());
        fails(10404, api.get("/instances?id=" + id));
        fails(10404, api.get("/instances-detail?id=" + id));
        fails(10404, api.delete("/instances?id=" + id));
        fails(10404, action(api, id, "{\"action\":\"start\"}"));
        assertEquals(0, ok(api.get("/instances")).path("instances").size());
    }

    @Test
    void aNameWithTheFailurePrefixEndsInErrorWhichMayBeStoppedOrHardRebooted() {
        RawApi api = emulator.raw();
        String id = instance(api, "fail-web");
        emulator.clock.advance(Transition.INSTANCE_BUILD.defaultDelay());
        assertEquals("ERROR", instanceStatus(api, id));
        fails(10409, action(api, id, "{\"action\":\"reboot\",\"parameters\":{\"type\":\"SOFT\"}}"));
        ok(action(api, id, "{\"action\":\"reboot\",\"parameters\":{\"type\":\"HARD\"}}"));
        emulator.clock.advance(Transition.INSTANCE_REBOOT.defaultDelay());
        assertEquals("ACTIVE", instanceStatus(api, id));
        String other = instance(api, "fail-db");
        emulator.clock.advance(Transition.INSTANCE_BUILD.defaultDelay());
        ok(action(api, other, "{\"action\":\"stop\"}"));
        emulator.clock.advance(Transition.INSTANCE_POWER_OFF.defaultDelay());
        assertEquals("STOP", instanceStatus(api, other));
    }

    @Test
    void countCreatesNumberedInstancesWithTheirOwnAddresses() {
        RawApi api = emulator.raw();
        Fixtures.keypair(api, "k");
        JsonNode created = ok(api.post("/instances", ValidationTest.instance(i -> i.put("name", "batch").put("count", 3))));
        assertEquals("batch-1", created.at("/instance/name").asText());
        JsonNode all = ok(api.get("/instances-detail")).path("instances");
        assertEquals(3, all.size());
        Set<String> names = new HashSet<>();
        Set<String> ips = new HashSet<>();
        all.forEach(i -> {
            names.add(i.path("name").asText());
            ips.add(i.at("/addresses/0/ipAddress").asText());
        });
        assertEquals(Set.of("batch-1", "batch-2", "batch-3"), names);
        assertEquals(3, ips.size());
    }

    @Test
    void aFixedDiskFlavorGivesTheRootDiskItsSize() {
        RawApi api = emulator.raw();
        Fixtures.keypair(api, "k");
        String id = ok(api.post("/instances", ValidationTest.instance(i -> i.put("flavor", ValidationTest.U2_FLAVOR)
                .remove("volume")))).at("/instance/id").asText();
        assertEquals(40, instanceDetail(api, id).at("/volumes/root/size").asInt());
    }

    @Test
    void unknownReferencesAnswerTheirOwnCodes() {
        RawApi api = emulator.raw();
        fails(13404, api.post("/instances", ValidationTest.instance(i -> { })));
        Fixtures.keypair(api, "k");
        fails(11404, api.post("/instances", ValidationTest.instance(i -> i.put("flavor", "nope"))));
        fails(30404, api.post("/instances", ValidationTest.instance(i -> i.put("image", "nope"))));
        fails(20004, api.post("/instances", ValidationTest.instance(i -> i.putArray("networks").addObject().put("id", "nope"))));
        fails(24404, api.post("/instances", ValidationTest.instance(i -> i.putArray("securityGroups").addObject().put("name", "nope"))));
        fails(10404, api.get("/instances?id=nope"));
        fails(10404, action(api, "nope", "{\"action\":\"start\"}"));
        assertEquals(0, ok(api.get("/instances")).path("instances").size(), "nothing was created by a refused request");
    }

    @Test
    void anImageThatIsNotActiveCannotBeBootedFrom() {
        RawApi api = emulator.raw();
        String id = activeInstance(emulator.clock, api, "web-01");
        ok(action(api, id, "{\"action\":\"stop\"}"));
        emulator.clock.advance(Transition.INSTANCE_POWER_OFF.defaultDelay());
        String imageId = ok(action(api, id, upload("half-done"))).at("/createdImage/id").asText();
        String message = fails(-4, api.post("/instances", ValidationTest.instance(i -> i.put("name", "web-02").put("image", imageId))));
        assertTrue(message.contains("not active"), message);
    }

    static String resize(String flavor) {
        return "{\"action\":\"resize\",\"parameters\":{\"flavor\":\"" + flavor + "\"}}";
    }

    static String upload(String name) {
        return "{\"action\":\"uploadImage\",\"parameters\":{\"name\":\"" + name + "\"}}";
    }

    static JsonNode image(RawApi api, String id) {
        for (JsonNode i : ok(api.get("/images")).path("images")) {
            if (i.path("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("image " + id + " is not listed");
    }
}
