package io.toastcloud.compute.emulator;

import io.toastcloud.compute.testsupport.ManualClock;

import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Resources made through raw HTTP, and the clock moves that settle them (default delays). */
final class Fixtures {
    private Fixtures() {
    }

    static void keypair(RawApi api, String name) {
        ok(api.post("/keypairs", "{\"keypair\":{\"name\":\"" + name + "\",\"publicKey\":\"" + SshKeysTest.ED25519 + "\"}}"));
    }

    /** Creates key pair {@code k} if needed and an instance; returns its id (status BUILD). */
    static String instance(RawApi api, String name) {
        if (api.get("/keypairs?name=k").at("/header/resultCode").asInt() != 0) {
            keypair(api, "k");
        }
        JsonNode created = ok(api.post("/instances", ValidationTest.instance(i -> i.put("name", name))));
        assertEquals("BUILD", created.at("/instance/status").asText());
        return created.at("/instance/id").asText();
    }

    /** An ACTIVE instance. */
    static String activeInstance(ManualClock clock, RawApi api, String name) {
        String id = instance(api, name);
        clock.advance(Transition.INSTANCE_BUILD.defaultDelay());
        assertEquals("ACTIVE", instanceStatus(api, id));
        return id;
    }

    static String volume(RawApi api, String name, int size) {
        return ok(api.post("/volumes", ValidationTest.volume(",\"name\":\"" + name + "\",\"size\":" + size
                + ",\"volumeType\":\"\""))).at("/volume/id").asText();
    }

    static String availableVolume(ManualClock clock, RawApi api, String name) {
        String id = volume(api, name, 10);
        clock.advance(Transition.VOLUME_CREATE.defaultDelay());
        assertEquals("available", volumeStatus(api, id));
        return id;
    }

    static String instanceStatus(RawApi api, String id) {
        return ok(api.get("/instances?id=" + id)).at("/instances/0/status").asText();
    }

    static JsonNode instanceDetail(RawApi api, String id) {
        return ok(api.get("/instances-detail?id=" + id)).at("/instances/0");
    }

    static String volumeStatus(RawApi api, String id) {
        return ok(api.get("/volumes?id=" + id)).at("/volumes/0/status").asText();
    }

    static JsonNode action(RawApi api, String instanceId, String json) {
        return api.post("/instances/" + instanceId + "/action", json);
    }

    /** Just short of the transition's delay, and then the rest of it. */
    static void almost(ManualClock clock, Transition t) {
        clock.advance(t.defaultDelay().minus(Duration.ofMillis(1)));
    }

    static void rest(ManualClock clock) {
        clock.advance(Duration.ofMillis(1));
    }
}
