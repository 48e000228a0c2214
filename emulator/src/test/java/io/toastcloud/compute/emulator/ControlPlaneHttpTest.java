package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.RawApi.fails;
import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Contract;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The control plane through raw HTTP, on an emulator with a manual clock and the default
 * delays: appkeys, state, reset, clock, transitions and every kind of fault rule, each
 * endpoint's refusals, and where it never answers. Every API answer (faulted result codes
 * included) is checked against the contract by the harness.
 */
class ControlPlaneHttpTest {
    private static EmulatorHarness emulator;
    private static ControlApi control;

    @BeforeAll
    static void start() {
        emulator = EmulatorHarness.inRealTime(Delays.defaults(), EmulatorConfig.Builder::manualClock);
        control = new ControlApi(emulator.server.endpoint());
    }

    @AfterEach
    void verify() {
        emulator.server.faults().clear();
        emulator.verify();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void listsAppkeysAndShowsOnesStateWithoutTokenIds() {
        RawApi api = emulator.raw();
        Fixtures.keypair(api, "k1");
        assertTrue(control.get("/_emulator/appkeys").json().path("appkeys").toString().contains("\"" + api.appkey() + "\""));
        ControlApi.Answer state = control.get("/_emulator/appkeys/" + api.appkey());
        assertEquals(200, state.status());
        assertTrue(state.contentType().startsWith("application/json"));
        JsonNode json = state.json();
        assertEquals(api.appkey(), json.path("appkey").asText());
        assertTrue(json.at("/keypairs/k1").isObject(), state.body());
        assertEquals("default", json.path("securityGroups").elements().next().path("name").asText());
        assertEquals("user@example.com", json.at("/tokens/0/username").asText());
        assertFalse(state.body().contains(api.token()), "a token id is a secret: " + state.body());
        assertEquals(json.toString(), emulator.server.state(api.appkey()).orElseThrow().toString(),
                "the Java method shows the same");

        ControlApi.Answer unknown = control.get("/_emulator/appkeys/never-used");
        assertEquals(404, unknown.status());
        assertTrue(unknown.error().contains("never-used"), unknown.body());
    }

    @Test
    void resetsOneAppkeyAndItsTokensAndLeavesTheOthers() {
        RawApi a = emulator.raw();
        RawApi b = emulator.raw();
        Fixtures.keypair(a, "ka");
        Fixtures.keypair(b, "kb");
        ok(a.post("/security-groups", "{\"securityGroup\":{\"name\":\"web\"}}"));
        ControlApi.Answer reset = control.post("/_emulator/appkeys/" + a.appkey() + "/reset", null);
        assertEquals(204, reset.status());
        RawApi.fails(50401, a.get("/keypairs")); // a fresh service: the old token is unknown
        a.login();
        assertEquals(0, ok(a.get("/keypairs")).path("keypairs").size(), "the key pair is gone");
        JsonNode groups = ok(a.get("/security-groups")).path("securityGroups");
        assertEquals(1, groups.size());
        assertEquals("default", groups.get(0).path("name").asText());
        assertEquals("kb", ok(b.get("/keypairs")).at("/keypairs/0/name").asText(), "the other appkey and its token are untouched");
        Fixtures.keypair(a, "ka"); // the name is free again

        assertTrue(emulator.server.reset(b.appkey()));
        RawApi.fails(50401, b.get("/keypairs"));
        assertEquals(0, ok(b.login().get("/keypairs")).path("keypairs").size());
        assertFalse(emulator.server.reset("never-used"), "nothing to reset");
        assertEquals(204, control.post("/_emulator/appkeys/never-used/reset", null).status(), "idempotent over HTTP");
        assertTrue(emulator.server.appkeys().contains(a.appkey()));
    }

    @Test
    void resetsEveryAppkeyAndEveryToken() {
        RawApi a = emulator.raw();
        RawApi b = emulator.raw();
        Fixtures.keypair(a, "ka");
        Fixtures.keypair(b, "kb");
        ControlApi.Answer reset = control.post("/_emulator/reset", null);
        assertEquals(200, reset.status());
        assertTrue(reset.json().path("reset").asInt() >= 2, reset.body());
        RawApi.fails(50401, a.get("/keypairs"));
        RawApi.fails(50401, b.get("/keypairs"));
        assertEquals(0, ok(a.login().get("/keypairs")).path("keypairs").size());
        assertEquals(0, ok(b.login().get("/keypairs")).path("keypairs").size());
        Fixtures.keypair(b, "kb2");
        assertTrue(emulator.server.resetAll() >= 2);
        RawApi.fails(50401, b.get("/keypairs"));
        assertEquals(0, ok(b.login().get("/keypairs")).path("keypairs").size());
    }

    @Test
    void theManualClockMovesOnlyWhenAdvanced() {
        RawApi api = emulator.raw();
        String id = Fixtures.instance(api, "vm");
        JsonNode clock = control.get("/_emulator/clock").json();
        assertTrue(clock.path("manual").asBoolean());
        String before = clock.path("now").asText();
        ControlApi.Answer almost = control.post("/_emulator/clock/advance", "{\"by\":\"1999ms\"}");
        assertEquals(200, almost.status(), almost.body());
        assertEquals("BUILD", Fixtures.instanceStatus(api, id));
        control.post("/_emulator/clock/advance", "{\"by\":\"1ms\"}");
        assertEquals("ACTIVE", Fixtures.instanceStatus(api, id));
        assertEquals(java.time.Instant.parse(before).plusSeconds(2), emulator.server.now());
        emulator.server.advanceClock(java.time.Duration.ofMillis(Transition.INSTANCE_POWER_OFF.defaultDelay().toMillis()));

        ControlApi.Answer notADuration = control.post("/_emulator/clock/advance", "{\"by\":\"soon\"}");
        assertEquals(400, notADuration.status());
        assertTrue(notADuration.error().contains("soon"), notADuration.body());
        assertEquals(400, control.post("/_emulator/clock/advance", "{}").status());
        assertEquals(400, control.post("/_emulator/clock/advance", null).status());
        assertEquals(400, control.post("/_emulator/clock/advance", "{\"by\":").status());
        assertTrue(control.post("/_emulator/clock/advance", "{\"by\":\"-1s\"}").error().contains("forward"));
    }

    @Test
    void advancingARealTimeClockIsRefused() {
        try (EmulatorServer realTime = EmulatorServer.start(0)) {
            ControlApi.Answer refused = new ControlApi(realTime.endpoint()).post("/_emulator/clock/advance", "{\"by\":\"1s\"}");
            assertEquals(409, refused.status());
            assertTrue(refused.error().contains("--manual-clock"), refused.body());
            assertFalse(new ControlApi(realTime.endpoint()).get("/_emulator/clock").json().path("manual").asBoolean());
            assertThrows(IllegalStateException.class, () -> realTime.advanceClock(java.time.Duration.ofSeconds(1)));
        }
    }

    @Test
    void finishingPendingTransitionsDoesNotMoveTheClock() {
        RawApi api = emulator.raw();
        String volume = Fixtures.volume(api, "v", 10);
        String instance = Fixtures.instance(api, "vm");
        String before = control.get("/_emulator/clock").json().path("now").asText();
        ControlApi.Answer finished = control.post("/_emulator/transitions/finish", null);
        assertEquals(200, finished.status());
        assertTrue(finished.json().path("finished").asInt() >= 2, finished.body());
        assertEquals("available", Fixtures.volumeStatus(api, volume));
        assertEquals("ACTIVE", Fixtures.instanceStatus(api, instance));
        assertEquals(before, control.get("/_emulator/clock").json().path("now").asText());

        ok(api.delete("/volumes?id=" + volume));
        assertEquals("deleting", Fixtures.volumeStatus(api, volume));
        assertTrue(emulator.server.finishPendingTransitions() >= 1);
        fails(40404, api.get("/volumes?id=" + volume)); // gone
    }

    @Test
    void faultRulesAreAddedListedRemovedAndCleared() {
        ControlApi.Answer added = control.post("/_emulator/faults",
                "{\"operation\":\"listFlavors\",\"kind\":\"gatewayError\",\"httpStatus\":503,\"retryAfter\":\"2s\",\"times\":3}");
        assertEquals(201, added.status(), added.body());
        String id = added.json().path("id").asText();
        assertEquals(3, added.json().path("remaining").asInt());
        control.post("/_emulator/faults", "{\"kind\":\"latency\",\"latency\":\"5ms\"}");
        JsonNode rules = control.get("/_emulator/faults").json().path("rules");
        assertEquals(2, rules.size());
        assertEquals(id, rules.get(0).path("id").asText());
        assertEquals("2s", rules.get(0).path("retryAfter").asText());
        assertEquals("*", rules.get(1).path("operation").asText());
        assertEquals(2, emulator.server.faults().list().size(), "the Java view is the same");
        assertEquals(204, control.delete("/_emulator/faults/" + id).status());
        assertEquals(404, control.delete("/_emulator/faults/" + id).status());
        assertEquals(1, control.get("/_emulator/faults").json().path("rules").size());
        assertEquals(204, control.delete("/_emulator/faults").status());
        assertEquals(0, control.get("/_emulator/faults").json().path("rules").size());
    }

    @Test
    void everyBadRuleIsRefusedNamingWhatIsWrong() {
        assertRefused("{\"operation\":\"listServers\",\"kind\":\"dropConnection\"}", "listServers");
        assertRefused("{\"operation\":\"listFlavors\",\"kind\":\"resultCode\",\"resultCode\":12345}", "12345");
        assertRefused("{\"kind\":\"resultCode\",\"resultCode\":0}", "result code 0");
        assertRefused("{\"kind\":\"resultCode\"}", "resultCode");
        assertRefused("{\"kind\":\"gatewayError\",\"httpStatus\":500}", "502 or 503");
        assertRefused("{\"kind\":\"gatewayError\",\"httpStatus\":503,\"retryAfter\":\"1.5s\"}", "whole seconds");
        assertRefused("{\"kind\":\"latency\",\"latency\":\"-5ms\"}", "latency");
        assertRefused("{\"kind\":\"latency\",\"latency\":\"later\"}", "later");
        assertRefused("{\"kind\":\"explode\"}", "explode");
        assertRefused("{\"operation\":\"listFlavors\"}", "kind");
        assertRefused("{\"kind\":\"dropConnection\",\"color\":\"red\"}", "color");
        assertRefused("{\"kind\":\"resultCode\",\"resultCode\":-2,\"latency\":\"1s\"}", "latency");
        assertRefused("{\"kind\":\"dropConnection\",\"times\":0}", "times");
        assertRefused("{\"kind\":\"dropConnection\",\"probability\":0.5}", "seed");
        assertRefused("{\"kind\":\"dropConnection\",\"probability\":1.5,\"seed\":1}", "probability");
        assertRefused("{\"kind\":\"dropConnection\",\"seed\":1}", "seed");
        assertRefused("{\"kind\":\"resultCode\",\"resultCode\":\"-2\"}", "resultCode");
        assertRefused("[]", "JSON object");
        assertRefused("not json", "not JSON");
        assertEquals(0, emulator.server.faults().list().size(), "nothing refused was added");
        IllegalArgumentException java = assertThrows(IllegalArgumentException.class,
                () -> emulator.server.faults().add(io.toastcloud.compute.emulator.control.FaultRule.on("nope").dropConnection()));
        assertTrue(java.getMessage().contains("'nope'"), java.getMessage());
    }

    private static void assertRefused(String rule, String named) {
        ControlApi.Answer a = control.post("/_emulator/faults", rule);
        assertEquals(400, a.status(), rule + " -> " + a.body());
        assertTrue(a.error().contains(named), rule + " -> " + a.error());
    }

    @Test
    void aResultCodeRuleAnswersTheContractsCodeAndMessageForTheNextCalls() {
        RawApi api = emulator.raw();
        control.post("/_emulator/faults", "{\"operation\":\"listFlavors\",\"kind\":\"resultCode\",\"resultCode\":-6,\"times\":2}");
        assertEquals(contractMessage(-6), fails(-6, api.get("/flavors")));
        assertEquals(contractMessage(-6), fails(-6, api.get("/flavors")));
        ok(api.get("/flavors"));
        assertEquals(0, control.get("/_emulator/faults").json().path("rules").size(), "used up, gone");

        control.post("/_emulator/faults", "{\"operation\":\"createKeypair\",\"kind\":\"resultCode\",\"resultCode\":13409}");
        String conflict = fails(13409, api.post("/keypairs", "{\"keypair\":{\"name\":\"k\",\"publicKey\":\""
                + SshKeysTest.ED25519 + "\"}}"));
        assertEquals(Contract.bundled().document().at("/components/examples/KeypairConflict/value/header/resultMessage")
                .asText(), conflict);
        assertEquals(0, ok(api.get("/keypairs")).path("keypairs").size(), "a faulted create did nothing");
    }

    private static String contractMessage(int code) {
        for (JsonNode c : Contract.bundled().document().at("/info/x-result-codes")) {
            if (c.path("code").asInt() == code) {
                return c.path("message").asText();
            }
        }
        throw new AssertionError("no code " + code);
    }

    @Test
    void aRuleForEveryOperationCoversEachOfThem() {
        RawApi api = emulator.raw();
        control.post("/_emulator/faults", "{\"operation\":\"*\",\"kind\":\"resultCode\",\"resultCode\":-2,\"times\":2}");
        fails(-2, api.get("/flavors"));
        fails(-2, api.get("/keypairs"));
        ok(api.get("/keypairs"));
    }

    @Test
    void aGatewayRuleAnswersAnHtmlPageWithOrWithoutRetryAfter() {
        RawApi api = emulator.raw();
        String flavors = "/v1.0/appkeys/" + api.appkey() + "/flavors";
        control.post("/_emulator/faults",
                "{\"operation\":\"listFlavors\",\"kind\":\"gatewayError\",\"httpStatus\":503,\"retryAfter\":\"2s\",\"times\":1}");
        ControlApi.Answer unavailable = control.get(flavors);
        assertEquals(503, unavailable.status());
        assertTrue(unavailable.contentType().startsWith("text/html"), unavailable.contentType());
        assertEquals("2", unavailable.retryAfter());
        assertTrue(unavailable.body().contains("<title>503"), unavailable.body());

        control.post("/_emulator/faults", "{\"operation\":\"listFlavors\",\"kind\":\"gatewayError\",\"httpStatus\":502,\"times\":1}");
        ControlApi.Answer badGateway = control.get("/compute" + flavors);
        assertEquals(502, badGateway.status());
        assertNull(badGateway.retryAfter());
        assertTrue(badGateway.body().contains("Bad Gateway"), badGateway.body());
        ok(api.get("/flavors"));
    }

    @Test
    void aDropRuleClosesTheConnectionWithoutAnAnswer() {
        RawApi api = emulator.raw();
        // No count: the JDK's HTTP client sends a GET once more on a closed connection by itself.
        control.post("/_emulator/faults", "{\"operation\":\"listFlavors\",\"kind\":\"dropConnection\"}");
        assertThrows(UncheckedIOException.class, () -> api.get("/flavors"));
        assertTrue(emulator.server.faults().list().get(0).applied() >= 1);
        control.delete("/_emulator/faults");
        ok(api.get("/flavors"));
    }

    @Test
    void aLatencyRuleDelaysTheAnswerWhichThenComes() {
        RawApi api = emulator.raw();
        control.post("/_emulator/faults", "{\"operation\":\"listFlavors\",\"kind\":\"latency\",\"latency\":\"300ms\",\"times\":1}");
        long started = System.nanoTime();
        ok(api.get("/flavors"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis >= 300, "answered after " + millis + " ms");
    }

    @Test
    void aRuleWithAProbabilityDrawsTheSameCallsForTheSameSeed() {
        RawApi api = emulator.raw();
        String rule = "{\"operation\":\"listFlavors\",\"kind\":\"resultCode\",\"resultCode\":-2,\"probability\":0.5,\"seed\":7}";
        List<Boolean> first = draws(api, rule);
        List<Boolean> second = draws(api, rule);
        assertEquals(first, second, "the same seed, the same calls faulted");
        assertTrue(first.contains(true) && first.contains(false), "about half: " + first);
        List<Boolean> otherSeed = draws(api, rule.replace("\"seed\":7", "\"seed\":8"));
        assertFalse(first.equals(otherSeed), "another seed draws other calls");
    }

    private static List<Boolean> draws(RawApi api, String rule) {
        emulator.server.faults().clear();
        control.post("/_emulator/faults", rule);
        List<Boolean> faulted = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            faulted.add(api.get("/flavors").at("/header/resultCode").asInt() == -2);
        }
        return faulted;
    }

    @Test
    void unknownEndpointsAndMethodsAreRefused() {
        ControlApi.Answer unknown = control.get("/_emulator/nothing-here");
        assertEquals(404, unknown.status());
        assertTrue(unknown.error().contains("GET /_emulator/appkeys"), "lists the endpoints: " + unknown.body());
        ControlApi.Answer wrongMethod = control.send("PUT", "/_emulator/reset", null);
        assertEquals(405, wrongMethod.status());
        assertTrue(wrongMethod.error().contains("POST"), wrongMethod.body());
        assertEquals(200, control.get("/_emulator/consistency").status());
        assertEquals(0, control.get("/_emulator/consistency").json().path("problems").size());
    }

    @Test
    void theControlPlaneNeverAnswersOnApiPaths() {
        RawApi api = emulator.raw();
        fails(-7, api.sendAbsolute("GET", "/_emulator", null));
        fails(-7, api.sendAbsolute("GET", "/compute/_emulator/appkeys", null));
        fails(-7, api.sendAbsolute("GET", "/v1.0/_emulator/appkeys", null));
        fails(-7, api.sendAbsolute("GET", "/v1.0/appkeys/" + api.appkey() + "/_emulator/faults", null));
        fails(-7, api.sendAbsolute("GET", "/_emulatorx/faults", null));
    }
}
