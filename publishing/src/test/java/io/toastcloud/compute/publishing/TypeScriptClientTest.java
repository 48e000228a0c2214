package io.toastcloud.compute.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toastcloud.compute.publishing.OpenApiGenerator.Generation;
import io.toastcloud.compute.publishing.TypeScriptCompiler.Check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract in a second language: a TypeScript client (typescript-fetch) generated from the
 * bundle without a warning about the contract, type-checked by the pinned tsc in strict mode
 * together with code that uses it.
 */
class TypeScriptClientTest {

    private static final Pattern EXPECTED_ERROR = Pattern.compile("// expect-error (TS\\d+)\\s*$");

    private static Generation client;

    @BeforeAll
    static void generateTheClient() throws Exception {
        client = GeneratedTypeScriptClient.get();
    }

    @Test
    void generationPrintsNoWarningAboutTheContract() {
        List<String> warnings = client.log().contractWarnings();
        Figures.record("typescript-fetch: generator warnings about the contract", warnings.size());
        Figures.record("typescript-fetch: generator noise lines (not about the contract)", client.log().noise().size());
        assertEquals(List.of(), warnings, "OpenAPI Generator warned about the contract (log: " + client.log().file() + ")");
    }

    @Test
    void theClientHasAMethodForEveryOperation() throws IOException {
        String apis;
        try (Stream<Path> files = Files.list(client.output().resolve("apis"))) {
            apis = files.map(TypeScriptClientTest::read).collect(Collectors.joining("\n"));
        }
        List<String> missing = new ArrayList<>();
        List<Operation> operations = Operation.of(Build.bundleJson());
        for (Operation operation : operations) {
            if (!apis.contains("async " + operation.operationId() + "(")) {
                missing.add(operation.operationId());
            }
        }
        Figures.record("typescript-fetch: operations with a client method",
                (operations.size() - missing.size()) + " of " + operations.size());
        assertEquals(List.of(), missing, "operations without a method in the generated TypeScript client");
    }

    @Test
    void theClientAndCodeUsingItTypeCheck() throws Exception {
        Path project = Build.target("clients", "typescript-usage");
        copyResource("typescript/usage.ts", project.resolve("usage.ts"));
        Check check = TypeScriptCompiler.check(project, List.of("../typescript-fetch/**/*.ts", "usage.ts"));
        Figures.record("typescript-fetch: tsc", TypeScriptCompiler.version() + ", strict");
        Figures.record("typescript-fetch: tsc type errors", check.errors().size() + check.unparsedErrorLines().size());
        assertEquals(List.of(), check.errors(), "tsc errors (log: " + check.log() + ")");
        assertEquals(List.of(), check.unparsedErrorLines(), "tsc errors (log: " + check.log() + ")");
        assertEquals(0, check.exitCode(), "tsc exit code (log: " + check.log() + ")");
    }

    @Test
    void tscReportsEachMisuseOfTheClient() throws Exception {
        // Proof that the type check checks: each marked line of misuse.ts must give exactly its error.
        Path project = Build.target("clients", "typescript-misuse");
        Path misuse = project.resolve("misuse.ts");
        copyResource("typescript/misuse.ts", misuse);
        Set<String> expected = new TreeSet<>();
        List<String> lines = Files.readAllLines(misuse);
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = EXPECTED_ERROR.matcher(lines.get(i));
            if (marker.find()) {
                expected.add("misuse.ts:" + (i + 1) + " " + marker.group(1));
            }
        }
        assertFalse(expected.isEmpty(), "misuse.ts marks no expected error");

        Check check = TypeScriptCompiler.check(project, List.of("../typescript-fetch/**/*.ts", "misuse.ts"));
        Set<String> reported = check.errors().stream()
                .map(error -> Path.of(error.file()).getFileName() + ":" + error.line() + " " + error.code())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, reported, "tsc errors on the misuse file (log: " + check.log() + ")");
        assertNotEquals(0, check.exitCode(), "tsc must exit non-zero on errors");
    }

    @Test
    void aWarningAboutTheContractIsCaught() throws Exception {
        // A schema named like a TypeScript built-in ("Date") makes the generator rename it, with a warning.
        ObjectMapper json = new ObjectMapper();
        ObjectNode contract = (ObjectNode) json.readTree(Build.bundleJson().toFile());
        ((ObjectNode) contract.path("components").path("schemas")).putObject("Date")
                .put("type", "object").putObject("properties").putObject("value").put("type", "string");
        Path altered = Build.target("clients", "contract-with-a-Date-schema.json");
        json.writeValue(altered.toFile(), contract);

        Generation generation = OpenApiGenerator.generate("typescript-fetch", altered,
                Build.target("clients", "typescript-fetch-warning-check"));
        List<String> warnings = generation.log().contractWarnings();
        assertFalse(warnings.isEmpty(), "the generator's warning about the schema Date was not caught");
        assertTrue(warnings.stream().allMatch(warning -> warning.contains("Date")),
                "warnings other than the expected one: " + warnings);
    }

    private static void copyResource(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = TypeScriptClientTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Test resource " + resource + " is missing");
            }
            Files.write(target, in.readAllBytes());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
