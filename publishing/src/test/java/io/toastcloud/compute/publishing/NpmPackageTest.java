package io.toastcloud.compute.publishing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The npm package of the contract (made by npm pack; never published by this build). */
class NpmPackageTest {

    private static final String NAME = "@toast-compute/openapi";

    @Test
    void thePackageHoldsTheBundleAtTheProjectVersion() throws Exception {
        Map<String, byte[]> entries = Tarball.read(Build.npmTarball());
        assertEquals(new TreeSet<>(Set.of("package/package.json", "package/README.md",
                        "package/toast-compute-openapi.json", "package/toast-compute-openapi.yaml")),
                new TreeSet<>(entries.keySet()), "files in " + Build.npmTarball());

        JsonNode manifest = new ObjectMapper().readTree(entries.get("package/package.json"));
        assertEquals(NAME, manifest.path("name").asText());
        assertEquals(Build.projectVersion(), manifest.path("version").asText(), "npm version = project version");
        assertArrayEquals(Files.readAllBytes(Build.bundleJson()), entries.get("package/toast-compute-openapi.json"),
                "the package's JSON is the bundle");
        assertArrayEquals(Files.readAllBytes(Build.bundleYaml()), entries.get("package/toast-compute-openapi.yaml"),
                "the package's YAML is the bundle");
        Figures.record("npm package", Build.npmTarball().getFileName() + " (" + NAME + "@" + manifest.path("version").asText()
                + ", " + entries.size() + " files, " + Files.size(Build.npmTarball()) + " bytes)");
    }

    @Test
    void nodeResolvesThePackageAsUsersImportIt() throws Exception {
        // Installed by hand into a throw-away node_modules (no registry): require, the YAML subpath, and ESM import.
        Path consumer = Build.target("npm-consumer");
        Tarball.extractPackage(Tarball.read(Build.npmTarball()), consumer.resolve("node_modules").resolve(NAME));
        String script = "const api = require('" + NAME + "');"
                + "const yaml = require('fs').readFileSync(require.resolve('" + NAME + "/openapi.yaml'), 'utf8');"
                + "import('" + NAME + "', { with: { type: 'json' } }).then(m => console.log(JSON.stringify({"
                + " openapi: api.openapi, paths: Object.keys(api.paths).length,"
                + " esmIsSame: JSON.stringify(m.default) === JSON.stringify(api),"
                + " yamlStartsWith: yaml.split('\\n')[0] })));";
        Command.Result result = Command.of("node", "-e", script).in(consumer).run(consumer.resolve("node.log"));
        assertEquals(0, result.exitCode(), "node could not load the package:\n" + result.output());
        List<String> lines = result.lines();
        JsonNode loaded = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        JsonNode bundle = new ObjectMapper().readTree(Build.bundleJson().toFile());

        assertEquals(bundle.path("openapi").asText(), loaded.path("openapi").asText());
        assertEquals(bundle.path("paths").size(), loaded.path("paths").asInt());
        assertEquals(true, loaded.path("esmIsSame").asBoolean(), "import ... with { type: 'json' } gives the same document");
        assertEquals("openapi: " + bundle.path("openapi").asText(), loaded.path("yamlStartsWith").asText());
    }
}
