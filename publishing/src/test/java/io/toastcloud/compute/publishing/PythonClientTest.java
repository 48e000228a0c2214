package io.toastcloud.compute.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.publishing.OpenApiGenerator.Generation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The Python client generated from the bundle (with the settings and templates of
 * publishing/src/main/python-generator) must import, its models must read every response example
 * of the contract, and an answer with an enum value the contract does not list ({@code x-open-enum},
 * DECISIONS.md D49) must be read, not refused, while requests still refuse it. Runs only where
 * Python 3.9+ and the client's dependencies (pydantic, urllib3, python-dateutil,
 * typing-extensions) are installed: otherwise the tests are reported as skipped with the reason,
 * never failed (the build does not install Python packages).
 */
class PythonClientTest {

    /** The package name set in publishing/src/main/python-generator/config.yaml. */
    private static final String PACKAGE = "toast_compute_client";

    /** Generated once for both tests (about half a minute of generator time). */
    private static Generation generation;

    @Test
    void theGeneratedPythonClientImportsAndReadsEveryResponseExample() throws Exception {
        String python = pythonOrSkip("python: client check");
        JsonNode report = runCheck(python, "check_client.py");
        Figures.record("python: client check", report);

        List<String> failures = new ArrayList<>();
        report.path("failures").forEach(failure -> failures.add(failure.asText()));
        assertEquals(List.of(), failures, "response examples the Python models cannot read");
        assertTrue(report.path("modules").asInt() > 1, "no module imported: " + report);
        assertTrue(report.path("examples").asInt() > 0, "no response example found: " + report);
        assertEquals(report.path("examples").asInt(), report.path("parsed").asInt(), "examples read: " + report);
        assertTrue(report.path("canaryRejected").asBoolean(), "a wrong envelope was accepted: the models validate nothing");
    }

    @Test
    void theGeneratedPythonClientReadsUnlistedEnumValuesInAnswersAndRefusesThemInRequests() throws Exception {
        String python = pythonOrSkip("python: open enums");
        JsonNode report = runCheck(python, "check_open_enums.py");
        Figures.record("python: open enums", report);

        List<String> failures = new ArrayList<>();
        report.path("failures").forEach(failure -> failures.add(failure.asText()));
        assertEquals(List.of(), failures, "answers with an unlisted enum value the Python client cannot read");
        assertTrue(report.path("fields").asInt() > 0, "no open-enum value replaced in any answer: " + report);
        assertEquals(report.path("openEnums"), report.path("covered"),
                "open enums no response example carries, so not checked: " + report);
        assertEquals(0, report.path("acceptedInRequests").size(), "unlisted values accepted outside an answer: " + report);
    }

    private static String pythonOrSkip(String figure) throws IOException, InterruptedException {
        String python = Build.python();
        String unavailable = whyPythonCannotRun(python);
        if (unavailable != null) {
            Figures.record(figure, "not run: " + unavailable);
        }
        assumeTrue(unavailable == null, () -> "Python client check not run: " + unavailable);
        return python;
    }

    /** Runs one check script of src/test/resources/python against the generated client; its last line. */
    private JsonNode runCheck(String python, String scriptName) throws Exception {
        Generation client = generatedClient();
        Path script = Build.target("clients", scriptName);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("python/" + scriptName)) {
            Files.write(script, in.readAllBytes());
        }
        Command.Result result = Command.of(python, script.toString(), PACKAGE, Build.bundleJson().toString())
                .in(client.output())
                .env(Map.of("PYTHONPATH", client.output().toString(), "PYTHONDONTWRITEBYTECODE", "1"))
                .run(Build.target("clients", scriptName.replace(".py", ".log")));
        assertEquals(0, result.exitCode(), scriptName + " failed (the generated Python client does not import?):\n" + result.output());
        List<String> lines = result.lines();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    private static synchronized Generation generatedClient() throws IOException, InterruptedException {
        if (generation == null) {
            Path settings = Build.pythonGenerator();
            Generation generated = OpenApiGenerator.generate("python", Build.bundleYaml(), Build.target("clients", "python"),
                    "--config", settings.resolve("config.yaml").toString(),
                    "--template-dir", settings.resolve("templates").toString());
            List<String> warnings = generated.log().contractWarnings();
            Figures.record("python: generator warnings about the contract", warnings.size());
            assertEquals(List.of(), warnings, "OpenAPI Generator warned about the contract (log: " + generated.log().file() + ")");
            generation = generated;
        }
        return generation;
    }

    /** Null when the interpreter runs and has what the generated client imports; otherwise why not. */
    private static String whyPythonCannotRun(String python) throws IOException, InterruptedException {
        Command.Result probe;
        try {
            probe = Command.of(python, "-c",
                            "import sys\n"
                                    + "assert sys.version_info >= (3, 9), 'Python ' + sys.version.split()[0] + ' is older than 3.9'\n"
                                    + "import pydantic, urllib3, dateutil, typing_extensions\n"
                                    + "print('Python', sys.version.split()[0], 'pydantic', pydantic.VERSION, 'urllib3', urllib3.__version__)")
                    .run(Build.target("clients", "python-probe.log"));
        } catch (IllegalStateException cannotStart) {
            return python + " is not installed (" + cannotStart.getMessage() + ")";
        }
        if (probe.exitCode() != 0) {
            List<String> lines = probe.lines();
            return python + " lacks what the generated client needs: " + (lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        }
        Figures.record("python: interpreter", probe.output().trim());
        return null;
    }
}
