package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.Fixtures.action;
import static io.toastcloud.compute.emulator.Fixtures.activeInstance;
import static io.toastcloud.compute.emulator.Fixtures.almost;
import static io.toastcloud.compute.emulator.Fixtures.availableVolume;
import static io.toastcloud.compute.emulator.Fixtures.instance;
import static io.toastcloud.compute.emulator.Fixtures.instanceDetail;
import static io.toastcloud.compute.emulator.Fixtures.rest;
import static io.toastcloud.compute.emulator.Fixtures.volume;
import static io.toastcloud.compute.emulator.Fixtures.volumeStatus;
import static io.toastcloud.compute.emulator.RawApi.fails;
import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Block storage: its status machine, attachments seen from both sides, and delete only in the listed states. */
class VolumeTest {
    @RegisterExtension
    static final EmulatorHarness emulator = EmulatorHarness.onManualClock(b -> { });

    @Test
    void aNewVolumeIsCreatingThenAvailable() {
        RawApi api = emulator.raw();
        JsonNode created = ok(api.post("/volumes", ValidationTest.volume(",\"name\":\"data\",\"size\":100,\"volumeType\":\"\","
                + "\"description\":\"d\",\"metadata\":{\"purpose\":\"data\"}"))).path("volume");
        assertEquals("creating", created.path("status").asText());
        assertEquals(0, created.path("attachments").size());
        String id = created.path("id").asText();
        almost(emulator.clock, Transition.VOLUME_CREATE);
        assertEquals("creating", volumeStatus(api, id));
        rest(emulator.clock);
        JsonNode volume = ok(api.get("/volumes?id=" + id)).at("/volumes/0");
        assertEquals("available", volume.path("status").asText());
        assertEquals(100, volume.path("size").asInt());
        assertEquals("data", volume.at("/metadata/purpose").asText());
        assertEquals("kr-pub-a", volume.path("availabilityZone").asText());
    }

    @Test
    void attachingThenInUseAndTheAttachmentShowsOnBothSides() {
        RawApi api = emulator.raw();
        String instanceId = activeInstance(emulator.clock, api, "web-01");
        String volumeId = availableVolume(emulator.clock, api, "data");
        JsonNode attachment = ok(api.post("/instances/" + instanceId + "/attachments", attach(volumeId))).path("attachment");
        assertEquals("/dev/vdb", attachment.path("device").asText());
        assertEquals(volumeId, attachment.path("volumeId").asText());
        assertEquals("attaching", volumeStatus(api, volumeId));
        emulator.clock.advance(Transition.VOLUME_ATTACH.defaultDelay());
        JsonNode volume = ok(api.get("/volumes?id=" + volumeId)).at("/volumes/0");
        assertEquals("in-use", volume.path("status").asText());
        assertEquals(instanceId, volume.at("/attachments/0/instanceId").asText());
        assertEquals("/dev/vdb", volume.at("/attachments/0/device").asText());
        JsonNode listed = instanceDetail(api, instanceId).at("/volumes/attachments/0");
        assertEquals(volumeId, listed.path("id").asText());
        assertEquals("data", listed.path("name").asText());
        assertEquals(10, listed.path("size").asInt());
        String second = availableVolume(emulator.clock, api, "logs");
        assertEquals("/dev/vdc", ok(api.post("/instances/" + instanceId + "/attachments", attach(second))).at("/attachment/device").asText());
    }

    @Test
    void onlyAnAvailableVolumeCanBeAttachedAndOnlyToARunningOrStoppedInstance() {
        RawApi api = emulator.raw();
        String building = instance(api, "web-01");
        String volumeId = volume(api, "data", 10);
        fails(10409, api.post("/instances/" + building + "/attachments", attach(volumeId)));
        fails(40404, api.post("/instances/" + building + "/attachments", attach("nope")));
        fails(10404, api.post("/instances/nope/attachments", attach(volumeId)));
        emulator.clock.advance(Transition.INSTANCE_BUILD.defaultDelay());
        String creating = volume(api, "logs", 10);
        String message = fails(40400, api.post("/instances/" + building + "/attachments", attach(creating)));
        assertTrue(message.contains("creating"), message);
        ok(api.post("/instances/" + building + "/attachments", attach(volumeId)));
        message = fails(40400, api.post("/instances/" + building + "/attachments", attach(volumeId)));
        assertTrue(message.contains("attaching"), message);
    }

    @Test
    void detachingThenAvailableAndTheAttachmentIsGoneFromBothSides() {
        RawApi api = emulator.raw();
        String instanceId = activeInstance(emulator.clock, api, "web-01");
        String volumeId = availableVolume(emulator.clock, api, "data");
        fails(40404, api.delete("/instances/" + instanceId + "/attachments?volumeId=" + volumeId));
        ok(api.post("/instances/" + instanceId + "/attachments", attach(volumeId)));
        fails(40400, api.delete("/instances/" + instanceId + "/attachments?volumeId=" + volumeId));
        emulator.clock.advance(Transition.VOLUME_ATTACH.defaultDelay());
        String other = activeInstance(emulator.clock, api, "web-02");
        fails(40404, api.delete("/instances/" + other + "/attachments?volumeId=" + volumeId));
        ok(api.delete("/instances/" + instanceId + "/attachments?volumeId=" + volumeId));
        assertEquals("detaching", volumeStatus(api, volumeId));
        almost(emulator.clock, Transition.VOLUME_DETACH);
        assertEquals(1, instanceDetail(api, instanceId).at("/volumes/attachments").size());
        rest(emulator.clock);
        assertEquals("available", volumeStatus(api, volumeId));
        assertEquals(0, ok(api.get("/volumes?id=" + volumeId)).at("/volumes/0/attachments").size());
        assertEquals(0, instanceDetail(api, instanceId).at("/volumes/attachments").size());
    }

    @Test
    void deleteOnlyInTheListedStatesThenDeletingThenGone() {
        RawApi api = emulator.raw();
        String instanceId = activeInstance(emulator.clock, api, "web-01");
        String volumeId = volume(api, "data", 10);
        String message = fails(40400, api.delete("/volumes?id=" + volumeId));
        assertTrue(message.contains("available or in-use or error or error_restoring") && message.contains("creating"), message);
        emulator.clock.advance(Transition.VOLUME_CREATE.defaultDelay());
        ok(api.post("/instances/" + instanceId + "/attachments", attach(volumeId)));
        fails(40400, api.delete("/volumes?id=" + volumeId));
        emulator.clock.advance(Transition.VOLUME_ATTACH.defaultDelay());
        ok(api.delete("/volumes?id=" + volumeId));
        assertEquals("deleting", volumeStatus(api, volumeId));
        fails(40400, api.delete("/volumes?id=" + volumeId));
        emulator.clock.advance(Transition.VOLUME_DELETE.defaultDelay());
        fails(40404, api.get("/volumes?id=" + volumeId));
        fails(40404, api.delete("/volumes?id=" + volumeId));
        assertEquals(0, instanceDetail(api, instanceId).at("/volumes/attachments").size());
    }

    @Test
    void aDeletedInstanceLetsGoOfItsVolumes() {
        RawApi api = emulator.raw();
        String instanceId = activeInstance(emulator.clock, api, "web-01");
        String volumeId = availableVolume(emulator.clock, api, "data");
        ok(api.post("/instances/" + instanceId + "/attachments", attach(volumeId)));
        emulator.clock.advance(Transition.VOLUME_ATTACH.defaultDelay());
        ok(api.delete("/instances?id=" + instanceId));
        assertEquals("in-use", volumeStatus(api, volumeId));
        emulator.clock.advance(Transition.INSTANCE_DELETE.defaultDelay());
        assertEquals("available", volumeStatus(api, volumeId));
        assertEquals(0, ok(api.get("/volumes?id=" + volumeId)).at("/volumes/0/attachments").size());
    }

    @Test
    void aNameWithTheFailurePrefixEndsInErrorWhichCanBeDeleted() {
        RawApi api = emulator.raw();
        String id = volume(api, "fail-data", 10);
        emulator.clock.advance(Transition.VOLUME_CREATE.defaultDelay());
        assertEquals("error", volumeStatus(api, id));
        ok(api.delete("/volumes?id=" + id));
        emulator.clock.advance(Transition.VOLUME_DELETE.defaultDelay());
        assertEquals(0, ok(api.get("/volumes")).path("volumes").size());
    }

    @Test
    void actionsOnAStoppedInstanceKeepItsAttachments() {
        RawApi api = emulator.raw();
        String instanceId = activeInstance(emulator.clock, api, "web-01");
        String volumeId = availableVolume(emulator.clock, api, "data");
        ok(api.post("/instances/" + instanceId + "/attachments", attach(volumeId)));
        emulator.clock.advance(Transition.VOLUME_ATTACH.defaultDelay());
        ok(action(api, instanceId, "{\"action\":\"stop\"}"));
        fails(10409, api.delete("/instances/" + instanceId + "/attachments?volumeId=" + volumeId));
        emulator.clock.advance(Transition.INSTANCE_POWER_OFF.defaultDelay());
        assertEquals(volumeId, instanceDetail(api, instanceId).at("/volumes/attachments/0/id").asText());
        ok(api.delete("/instances/" + instanceId + "/attachments?volumeId=" + volumeId));
    }

    static String attach(String volumeId) {
        return "{\"attachment\":{\"volumeId\":\"" + volumeId + "\"}}";
    }
}
