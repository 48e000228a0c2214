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
 * The Python client generated from the bundle must import, and its models must read every
 * response example of the contract. Runs only where Python 3.9+ and the client's dependencies
 * (pydantic, urllib3, python-dateutil, typing-extensions) are installed: otherwise the test is
 * reported as skipped with the reason, never failed (the build does not install Python packages).
 */
class PythonClientTest {

    private static final String PACKAGE = "toast_compute_client";

    @Test
    void theGeneratedPythonClientImportsAndReadsEveryResponseExample() throws Exception {
        String python = Build.python();
        String unavailable = whyPythonCannotRun(python);
        if (unavailable != null) {
            Figures.record("python: client check", "not run: " + unavailable);
        }
        assumeTrue(unavailable == null, () -> "Python client check not run: " + unavailable);

        Generation generation = OpenApiGenerator.generate("python", Build.bundleYaml(), Build.target("clients", "python"),
                "--additional-properties=packageName=" + PACKAGE + ",projectName=toast-compute-client");
        List<String> warnings = generation.log().contractWarnings();
        Figures.record("python: generator warnings about the contract", warnings.size());
        assertEquals(List.of(), warnings, "OpenAPI Generator warned about the contract (log: " + generation.log().file() + ")");

        Path script = Build.target("clients", "check_client.py");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("python/check_client.py")) {
            Files.write(script, in.readAllBytes());
        }
        Command.Result result = Command.of(python, script.toString(), PACKAGE, Build.bundleJson().toString())
                .in(generation.output())
                .env(Map.of("PYTHONPATH", generation.output().toString(), "PYTHONDONTWRITEBYTECODE", "1"))
                .run(Build.target("clients", "python-check.log"));
        assertEquals(0, result.exitCode(), "the generated Python client does not import:\n" + result.output());
        List<String> lines = result.lines();
        JsonNode report = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        Figures.record("python: client check", report);

        List<String> failures = new ArrayList<>();
        report.path("failures").forEach(failure -> failures.add(failure.asText()));
        assertEquals(List.of(), failures, "response examples the Python models cannot read");
        assertTrue(report.path("modules").asInt() > 1, "no module imported: " + report);
        assertTrue(report.path("examples").asInt() > 0, "no response example found: " + report);
        assertEquals(report.path("examples").asInt(), report.path("parsed").asInt(), "examples read: " + report);
        assertTrue(report.path("canaryRejected").asBoolean(), "a wrong envelope was accepted: the models validate nothing");
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
