package io.toastcloud.compute.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.publishing.TypeScriptCompiler.Check;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * DECISIONS.md D49 at run time in TypeScript: the typescript-fetch client generated from the
 * bundle must read an answer whose open enum ({@code x-open-enum}) carries a value the contract
 * does not list, and keep that value, for every open-enum field of every response example. (That
 * tsc still refuses an unlisted literal where code compares or sends one is
 * {@link TypeScriptClientTest}'s misuse check.)
 */
class TypeScriptOpenEnumsTest {

    @Test
    void theGeneratedClientReadsUnlistedEnumValuesInAnswersAndKeepsThem() throws Exception {
        GeneratedTypeScriptClient.get();
        Path project = Build.target("clients", "typescript-open-enums");
        Files.createDirectories(project);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("typescript/open_enums.ts")) {
            Files.write(project.resolve("open_enums.ts"), in.readAllBytes());
        }
        Path out = Build.target("clients", "typescript-open-enums-js");
        Check check = TypeScriptCompiler.compile(project, List.of("../typescript-fetch/**/*.ts", "open_enums.ts"), out);
        assertEquals(List.of(), check.errors(), "tsc errors (log: " + check.log() + ")");
        assertEquals(0, check.exitCode(), "tsc exit code (log: " + check.log() + ")");
        Path program = out.resolve("typescript-open-enums").resolve("open_enums.js");

        Command.Result run = Command.of("node", program.toString(), Build.bundleJson().toString())
                .timeout(Duration.ofMinutes(1))
                .run(Build.target("clients", "typescript-open-enums.log"));
        assertEquals(0, run.exitCode(), "node " + program + " failed:\n" + run.output());
        List<String> lines = run.lines();
        JsonNode report = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        Figures.record("typescript-fetch: open enums", report);

        List<String> failures = new ArrayList<>();
        report.path("failures").forEach(failure -> failures.add(failure.asText()));
        assertEquals(List.of(), failures, "answers with an unlisted enum value the TypeScript client does not read as sent");
        assertTrue(report.path("fields").asInt() > 0, "no open-enum value replaced in any answer: " + report);
        assertEquals(report.path("openEnums"), report.path("covered"),
                "open enums no response example carries, so not checked: " + report);
    }
}
