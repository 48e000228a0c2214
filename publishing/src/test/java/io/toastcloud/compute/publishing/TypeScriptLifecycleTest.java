package io.toastcloud.compute.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.emulator.Delays;
import io.toastcloud.compute.emulator.EmulatorConfig;
import io.toastcloud.compute.emulator.EmulatorServer;
import io.toastcloud.compute.emulator.EmulatorUser;
import io.toastcloud.compute.publishing.TypeScriptCompiler.Check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published contract at run time in another language: the typescript-fetch client generated
 * from the bundle, compiled with the pinned tsc and run by node, drives a short lifecycle (token,
 * flavors, key pair, security group and rule, instance until ACTIVE, deletes) against the
 * emulator, started here on an ephemeral port. Each answer goes through the generated models.
 */
class TypeScriptLifecycleTest {

    private static final EmulatorUser USER = EmulatorUser.DEFAULT;
    private static EmulatorServer emulator;
    private static Path program;

    @BeforeAll
    static void compileTheLifecycleAndStartTheEmulator() throws Exception {
        GeneratedTypeScriptClient.get();
        Path project = Build.target("clients", "typescript-lifecycle");
        Files.createDirectories(project);
        try (InputStream in = TypeScriptLifecycleTest.class.getClassLoader().getResourceAsStream("typescript/lifecycle.ts")) {
            Files.write(project.resolve("lifecycle.ts"), in.readAllBytes());
        }
        Path out = Build.target("clients", "typescript-lifecycle-js");
        Check check = TypeScriptCompiler.compile(project, List.of("../typescript-fetch/**/*.ts", "lifecycle.ts"), out);
        assertEquals(List.of(), check.errors(), "tsc errors (log: " + check.log() + ")");
        assertEquals(0, check.exitCode(), "tsc exit code (log: " + check.log() + ")");
        program = out.resolve("typescript-lifecycle").resolve("lifecycle.js");
        assertTrue(Files.exists(program), "tsc wrote no " + program);

        emulator = EmulatorServer.start(EmulatorConfig.builder().port(0).user(USER)
                .delays(Delays.uniform(Duration.ofMillis(100))).build());
    }

    @AfterAll
    static void stopTheEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void theGeneratedClientRunsALifecycleAgainstTheEmulator() throws Exception {
        Command.Result run = node(emulator.endpoint(), "ts-lifecycle-appkey", "lifecycle.log");
        Figures.record("typescript-fetch lifecycle against the emulator: steps",
                run.lines().stream().filter(line -> line.startsWith("step: ")).count());
        assertEquals(0, run.exitCode(), "node " + program + " failed (log: " + run.log() + "):\n" + run.output());
        assertTrue(run.lines().contains("lifecycle ok"), run.output());
        assertTrue(run.output().contains("step: instance ts-lifecycle-01 is ACTIVE"), run.output());
        assertEquals(List.of(), emulator.consistencyProblems(), "emulator state after the TypeScript lifecycle");
    }

    @Test
    void anAnswerMissingARequiredFieldFailsNamingTheOperationAndTheField() throws Exception {
        // Proof that the answers are read through the models: a proxy drops every flavor's vcpus.
        try (AlteringProxy proxy = new AlteringProxy(emulator.endpoint(),
                body -> body.contains("\"flavors\"") ? body.replaceAll("\"vcpus\"\\s*:\\s*\\d+\\s*,?", "") : body)) {
            Command.Result run = node(proxy.endpoint(), "ts-lifecycle-broken-appkey", "lifecycle-missing-field.log");
            assertNotEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("lifecycle failed: listFlavors: flavors[0].vcpus missing (required by Flavor)"),
                    run.output());
        }
    }

    private static Command.Result node(String endpoint, String appkey, String log) throws IOException, InterruptedException {
        return Command.of("node", program.toString())
                .env(Map.of("TOAST_ENDPOINT", endpoint, "TOAST_APPKEY", appkey,
                        "TOAST_USERNAME", USER.name(), "TOAST_PASSWORD", USER.password()))
                .timeout(Duration.ofMinutes(1))
                .run(Build.target("clients", log));
    }
}
