package io.toastcloud.compute.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staging directory the build deploys to during `verify` (root pom.xml, toast.staging.repo)
 * holds, for every published module, what a public Maven repository accepts: see
 * {@link PublicationRules}. A module is published unless its POM sets maven.deploy.skip=true.
 */
class StagingRepositoryTest {

    /** Descriptions this simple are written into the javadoc as they are (no Markdown, no HTML). */
    private static final Pattern PLAIN_TEXT = Pattern.compile("[A-Za-z0-9 ,.;:()'/-]+");

    private final StagingRepository staging = new StagingRepository(Build.stagingRepo());

    @Test
    void everyPublishedModuleIsStagedWithWhatThePublicRepositoryRequires() {
        PomFile root = PomFile.read(Build.root().resolve("pom.xml"));
        List<String> problems = new ArrayList<>(PublicationRules.problems(staging, root.groupId(), root.artifactId(),
                root.version(), root.packaging()));
        List<String> published = new ArrayList<>();
        for (String module : root.texts("modules", "module")) {
            PomFile pom = PomFile.read(Build.root().resolve(module).resolve("pom.xml"));
            if (!pom.published()) {
                continue;
            }
            published.add(pom.artifactId());
            List<String> found = PublicationRules.problems(staging, pom.groupId(), pom.artifactId(), pom.version(),
                    pom.packaging());
            if (!found.isEmpty() && staging.files(pom.groupId(), pom.artifactId(), pom.version()).isEmpty()) {
                problems.add("module " + module + " is published (its POM does not set maven.deploy.skip=true) but was"
                        + " not staged before this module's tests: declare it as a test dependency in publishing/pom.xml"
                        + " so that the reactor builds it first");
            } else {
                problems.addAll(found);
            }
        }
        Figures.record("staging: published modules checked", published);
        assertFalse(published.isEmpty(), "no published module found in " + root.file());
        assertEquals(List.of(), problems, "staging directory " + staging.root());
    }

    @Test
    void theRulesCatchAnIncompleteStaging(@TempDir Path copy) throws IOException {
        // Proof that the check checks: a staging copy without the client's javadoc, with a wrong
        // checksum on its jar and a parent without <scm> whose <url> is a property left unresolved.
        PomFile root = PomFile.read(Build.root().resolve("pom.xml"));
        PomFile client = PomFile.read(Build.root().resolve("client/pom.xml"));
        copyTree(staging.root(), copy);
        StagingRepository broken = new StagingRepository(copy);
        Map<String, Path> clientFiles = broken.files(client.groupId(), client.artifactId(), client.version());
        Files.delete(clientFiles.get("javadoc.jar"));
        Files.writeString(clientFiles.get(".jar").resolveSibling(clientFiles.get(".jar").getFileName() + ".sha1"),
                "0000000000000000000000000000000000000000");
        Path parentPom = broken.files(root.groupId(), root.artifactId(), root.version()).get(".pom");
        String withoutScm = Files.readString(parentPom).replaceAll("(?s)<scm\\b.*?</scm>", "")
                .replaceFirst("<url>[^<]*</url>", "<url>\\${toast.project.url}</url>");
        Files.writeString(parentPom, withoutScm);

        List<String> problems = PublicationRules.problems(broken, client.groupId(), client.artifactId(),
                client.version(), client.packaging());
        String all = String.join("\n", problems);
        assertTrue(all.contains("-javadoc.jar listed in maven-metadata.xml but missing"), all);
        assertTrue(all.contains(".jar.sha1 says 0000000000000000000000000000000000000000"), all);
        assertTrue(all.contains("neither the POM nor its parent has <scm/url>"), all);
        assertTrue(all.contains("<url> is an unresolved property: ${toast.project.url}"), all);
        assertTrue(PublicationRules.problems(broken, root.groupId(), root.artifactId(), root.version(), "pom")
                .stream().anyMatch(problem -> problem.contains(".pom.sha1 says")), "the edited parent POM's checksum");
    }

    @Test
    void theGeneratedApiJavadocCarriesTheContractsDescriptions() throws IOException {
        Path javadoc = stagedJavadocWith("io/toastcloud/compute/model/");
        JsonNode schemas = new ObjectMapper().readTree(Build.bundleJson().toFile()).path("components").path("schemas");
        int checked = 0;
        List<String> missing = new ArrayList<>();
        try (ZipFile zip = new ZipFile(javadoc.toFile())) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> schema = it.next();
                String description = schema.getValue().path("description").asText("").trim();
                ZipEntry page = zip.getEntry("io/toastcloud/compute/model/" + schema.getKey() + ".html");
                if (page == null || !PLAIN_TEXT.matcher(description).matches()) {
                    continue;
                }
                checked++;
                String html = new String(zip.getInputStream(page).readAllBytes(), StandardCharsets.UTF_8)
                        .replace("&#39;", "'").replace("&apos;", "'");
                if (!html.contains(description)) {
                    missing.add(schema.getKey() + ": \"" + description + "\"");
                }
            }
        }
        Figures.record("javadoc: model pages checked for the contract's description", checked);
        assertTrue(checked >= 10, "only " + checked + " model pages could be checked in " + javadoc);
        assertEquals(List.of(), missing, "model pages of " + javadoc.getFileName() + " without the schema's description");
    }

    private Path stagedJavadocWith(String packagePrefix) throws IOException {
        try (Stream<Path> files = Files.walk(staging.root())) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith("-javadoc.jar")).sorted().toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    if (zip.stream().anyMatch(entry -> entry.getName().startsWith(packagePrefix))) {
                        return jar;
                    }
                }
            }
        }
        throw new AssertionError("no staged -javadoc.jar documents " + packagePrefix + " in " + staging.root());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
