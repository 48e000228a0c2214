package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.emulator.demo.LifecycleDemo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The main job: the demo completes, shows each step, leaves nothing but its image, and prints no secret. */
class LifecycleDemoTest {
    private static final Delays FAST = Delays.uniform(Duration.ofMillis(20));
    @RegisterExtension
    static final EmulatorHarness emulator = EmulatorHarness.inRealTime(FAST, b -> { });

    @Test
    void theDemoRunsEveryStepAgainstAnEmulatorAndLeavesNothing() {
        String appkey = EmulatorHarness.freshAppkey();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LifecycleDemo.Result result = LifecycleDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new LifecycleDemo.Options(emulator.server.endpoint(), appkey, EmulatorUser.DEFAULT, FAST, Duration.ofMillis(5)));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(13, result.steps(), out);
        assertEquals(List.of(), result.leftBehind(), out);
        for (String step : List.of("issue a token", "create key pair demo-key", "create security group demo-ssh",
                "create instance demo-web-01", "is ACTIVE (instance waiter)", "wait until available", "wait until in-use",
                "wait until STOP", "make image demo-web-01-image", "detach and delete demo-data", "delete demo-web-01",
                "delete the rule, demo-ssh, demo-key and demo-web-01-image")) {
            assertTrue(out.contains(step), "the output shows '" + step + "':\n" + out);
        }
        assertEquals(13, out.lines().filter(l -> l.contains("    ok: ")).count(), out);
        assertFalse(out.contains("PRIVATE KEY"), "the private key is never printed");

        RawApi api = emulator.anonymous(appkey).login();
        assertFalse(out.contains(api.token().substring(0, 8)), "no token id is printed");
        for (String list : List.of("/instances", "/volumes", "/keypairs", "/floating-ips")) {
            JsonNode answer = ok(api.get(list));
            answer.fields().forEachRemaining(f -> {
                if (f.getValue().isArray()) {
                    assertEquals(0, f.getValue().size(), list + " is empty after the demo");
                }
            });
        }
        assertEquals(1, ok(api.get("/security-groups")).path("securityGroups").size(), "only the default group");
    }

    @Test
    void theDemoStartsItsOwnEmulatorWhenGivenNoEndpoint() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ContractResponses responses = new ContractResponses();
        LifecycleDemo.Result result = LifecycleDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                LifecycleDemo.Options.defaults().withDelays(FAST, Duration.ofMillis(5)), responses);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(13, result.steps(), out);
        assertEquals(List.of(), responses.drainProblems(), "answers of the demo's own emulator that break the contract");
        assertTrue(responses.validated() > 30, "the demo's answers were validated");
        assertTrue(out.contains("emulator started at http://127.0.0.1:"), out);
        assertTrue(out.contains("(in this process)"), out);
    }
}
