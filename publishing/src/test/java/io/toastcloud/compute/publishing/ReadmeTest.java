package io.toastcloud.compute.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** README.md says what the contract and the code say: it fails when either moves without it. */
class ReadmeTest {

    private static final String RULES_BEGIN = "<!-- service-rules:begin (generated from the contract; ReadmeTest) -->";
    private static final String RULES_END = "<!-- service-rules:end -->";

    @Test
    void theServiceRulesSectionIsTheContractsRules() throws IOException {
        String readme = readme();
        String expected = new ServiceRules(new ObjectMapper().readTree(Build.bundleJson().toFile())).markdown();
        Path written = Build.target("readme-service-rules.md");
        Files.createDirectories(written.getParent());
        Files.writeString(written, expected, StandardCharsets.UTF_8);
        int begin = readme.indexOf(RULES_BEGIN);
        int end = readme.indexOf(RULES_END);
        assertTrue(begin >= 0 && end > begin, "README.md has no block between " + RULES_BEGIN + " and " + RULES_END);
        String actual = readme.substring(begin + RULES_BEGIN.length(), end).strip() + "\n";
        assertEquals(expected, actual, "README.md's service rules drifted from the contract's; the block to paste"
                + " between the markers is in " + written);
    }

    @Test
    void theErrorTableNamesEveryExceptionOfTheClient() throws IOException {
        String readme = readme();
        List<String> missing = new ArrayList<>();
        List<Path> errorPackages = errorPackages();
        assertTrue(!errorPackages.isEmpty(), "no io/toastcloud/compute/client/error package found under " + Build.root());
        for (Path dir : errorPackages) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith("Exception.java"))
                        .map(name -> name.substring(0, name.length() - ".java".length()))
                        .filter(exception -> !readme.contains("`" + exception + "`"))
                        .forEach(missing::add);
            }
        }
        assertEquals(List.of(), missing, "exceptions of the client that README.md's error table does not name");
    }

    @Test
    void theEmulatorsClassesAreNamedWithTheirPackage() throws IOException {
        String readme = readme();
        for (String type : List.of("EmulatorServer", "EmulatorConfig", "Delays")) {
            assertTrue(readme.contains("io.toastcloud.compute.emulator." + type), "README.md names " + type
                    + " without its package (io.toastcloud.compute.emulator)");
        }
    }

    @Test
    void everyDockerPrismLineRunsThePrismVersionOfPackageJson() throws IOException {
        String pinned = new ObjectMapper().readTree(Build.root().resolve("package.json").toFile())
                .path("devDependencies").path("@stoplight/prism-cli").asText();
        assertTrue(pinned.matches("\\d+\\.\\d+\\.\\d+"), "package.json pins @stoplight/prism-cli exactly, not '" + pinned + "'");
        List<String> lines = readme().lines().filter(line -> line.contains("docker run")).toList();
        assertTrue(!lines.isEmpty(), "README.md has no docker run line");
        for (String line : lines) {
            assertTrue(line.contains("stoplight/prism:" + pinned + " "), "README.md's docker line does not run"
                    + " stoplight/prism:" + pinned + " (package.json): " + line);
            assertTrue(line.contains("-v \"$PWD/spec/target/openapi:/openapi:ro\"")
                    && line.contains(" /openapi/toast-compute-openapi.yaml"), "README.md's docker line does not mount"
                    + " the bundle it serves: " + line);
        }
    }

    /** The client's error package in whichever module holds it (the client may be split in several). */
    private static List<Path> errorPackages() {
        List<Path> found = new ArrayList<>();
        for (String module : PomFile.read(Build.root().resolve("pom.xml")).texts("modules", "module")) {
            Path dir = Build.root().resolve(module).resolve("src/main/java/io/toastcloud/compute/client/error");
            if (Files.isDirectory(dir)) {
                found.add(dir);
            }
        }
        return found;
    }

    private static String readme() throws IOException {
        return Files.readString(Build.root().resolve("README.md"), StandardCharsets.UTF_8);
    }
}
