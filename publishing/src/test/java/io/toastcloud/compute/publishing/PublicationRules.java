package io.toastcloud.compute.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * What a public Maven repository (Maven Central's rules) asks of each published artifact, checked
 * on the staging directory: the files (pom; for a jar: jar, -sources.jar, -javadoc.jar), a .md5
 * and a .sha1 next to each that match it, the POM's coordinates and metadata (own or inherited
 * from the staged parent), plus this project's own rule: a CycloneDX SBOM for the artifact.
 */
final class PublicationRules {

    /** The POM elements the public repository requires (its own or the parent's). */
    static final List<String> REQUIRED_METADATA = List.of(
            "url", "licenses/license/name", "licenses/license/url",
            "developers/developer/name", "developers/developer/email",
            "scm/url", "scm/connection", "scm/developerConnection");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublicationRules() {
    }

    /** Every rule the staged artifact breaks, each naming the artifact and the file or element. */
    static List<String> problems(StagingRepository repository, String groupId, String artifactId, String version,
                                 String packaging) {
        String coordinates = groupId + ":" + artifactId + ":" + version;
        List<String> problems = new ArrayList<>();
        Map<String, Path> files = repository.files(groupId, artifactId, version);
        if (files.isEmpty()) {
            problems.add(coordinates + ": nothing staged in " + repository.versionDirectory(groupId, artifactId, version)
                    + " (an offline build, -o, stages nothing: maven-deploy-plugin refuses offline mode)");
            return problems;
        }
        List<String> required = new ArrayList<>(List.of(".pom", "cyclonedx.json"));
        if (!"pom".equals(packaging)) {
            required.addAll(List.of(".jar", "sources.jar", "javadoc.jar"));
        }
        for (String kind : required) {
            if (!files.containsKey(kind)) {
                problems.add(coordinates + ": no " + describe(kind) + " staged");
            }
        }
        files.forEach((kind, file) -> problems.addAll(fileProblems(coordinates, kind, file)));
        if (files.containsKey(".pom") && Files.exists(files.get(".pom"))) {
            problems.addAll(pomProblems(repository, coordinates, groupId, artifactId, version, files.get(".pom")));
        }
        if (files.containsKey("cyclonedx.json") && Files.exists(files.get("cyclonedx.json"))) {
            problems.addAll(sbomProblems(coordinates, groupId, artifactId, version, files.get("cyclonedx.json")));
        }
        if (files.containsKey("sources.jar") && Files.exists(files.get("sources.jar"))
                && files.containsKey(".jar") && contains(files.get(".jar"), ".class")
                && !contains(files.get("sources.jar"), ".java")) {
            problems.add(coordinates + ": the jar has classes but the -sources.jar has no .java file");
        }
        if (files.containsKey("javadoc.jar") && Files.exists(files.get("javadoc.jar"))
                && !contains(files.get("javadoc.jar"), "index.html")) {
            problems.add(coordinates + ": the -javadoc.jar has no index.html");
        }
        return problems;
    }

    private static List<String> fileProblems(String coordinates, String kind, Path file) {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            problems.add(coordinates + ": " + describe(kind) + " listed in maven-metadata.xml but missing: " + file);
            return problems;
        }
        for (String algorithm : List.of("MD5", "SHA-1")) {
            Path checksum = file.resolveSibling(file.getFileName() + "." + algorithm.replace("-", "").toLowerCase());
            if (!Files.isRegularFile(checksum)) {
                problems.add(coordinates + ": no " + checksum.getFileName() + " (" + algorithm + " of " + describe(kind) + ")");
                continue;
            }
            try {
                String expected = Files.readString(checksum, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
                String actual = digest(algorithm, file);
                if (!actual.equalsIgnoreCase(expected)) {
                    problems.add(coordinates + ": " + checksum.getFileName() + " says " + expected + " but the file's "
                            + algorithm + " is " + actual);
                }
            } catch (IOException e) {
                problems.add(coordinates + ": cannot read " + checksum + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private static List<String> pomProblems(StagingRepository repository, String coordinates, String groupId,
                                            String artifactId, String version, Path pomFile) {
        List<String> problems = new ArrayList<>();
        PomFile pom = PomFile.read(pomFile);
        if (!pom.groupId().equals(groupId) || !pom.artifactId().equals(artifactId) || !pom.version().equals(version)) {
            problems.add(coordinates + ": the staged POM says " + pom.groupId() + ":" + pom.artifactId() + ":" + pom.version());
        }
        for (String element : List.of("name", "description")) {
            if (pom.text(element).isEmpty()) {
                problems.add(coordinates + ": the POM has no <" + element + ">");
            }
        }
        Optional<PomFile> parent = stagedParent(repository, pom);
        if (pom.text("parent/artifactId").isPresent() && parent.isEmpty()) {
            problems.add(coordinates + ": its parent " + pom.text("parent/artifactId").get() + " is not staged");
        }
        for (String element : REQUIRED_METADATA) {
            Optional<String> value = pom.text(element).or(() -> parent.flatMap(p -> p.text(element)));
            if (value.isEmpty()) {
                problems.add(coordinates + ": neither the POM nor its parent has <" + element + ">");
            } else if (value.get().contains("${")) {
                // The POM is published as written: a repository's checks see the property, not its value.
                problems.add(coordinates + ": <" + element + "> is an unresolved property: " + value.get());
            }
        }
        return problems;
    }

    private static Optional<PomFile> stagedParent(StagingRepository repository, PomFile pom) {
        Optional<String> parentArtifact = pom.text("parent/artifactId");
        if (parentArtifact.isEmpty()) {
            return Optional.empty();
        }
        Path parentPom = repository.files(pom.text("parent/groupId").orElseThrow(), parentArtifact.get(),
                pom.text("parent/version").orElseThrow()).get(".pom");
        return parentPom == null || !Files.exists(parentPom) ? Optional.empty() : Optional.of(PomFile.read(parentPom));
    }

    private static List<String> sbomProblems(String coordinates, String groupId, String artifactId, String version,
                                             Path sbom) {
        List<String> problems = new ArrayList<>();
        try {
            JsonNode bom = JSON.readTree(sbom.toFile());
            JsonNode component = bom.path("metadata").path("component");
            if (!"CycloneDX".equals(bom.path("bomFormat").asText())) {
                problems.add(coordinates + ": the SBOM's bomFormat is '" + bom.path("bomFormat").asText() + "', not CycloneDX");
            }
            if (!groupId.equals(component.path("group").asText()) || !artifactId.equals(component.path("name").asText())
                    || !version.equals(component.path("version").asText())) {
                problems.add(coordinates + ": the SBOM describes " + component.path("group").asText() + ":"
                        + component.path("name").asText() + ":" + component.path("version").asText());
            }
        } catch (IOException e) {
            problems.add(coordinates + ": the SBOM is not JSON: " + e.getMessage());
        }
        return problems;
    }

    private static boolean contains(Path jar, String suffix) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(entry -> entry.getName().endsWith(suffix));
        } catch (IOException e) {
            return false;
        }
    }

    static String digest(String algorithm, Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(String kind) {
        return switch (kind) {
            case ".pom" -> "POM";
            case ".jar" -> "jar";
            case "sources.jar" -> "-sources.jar";
            case "javadoc.jar" -> "-javadoc.jar";
            case "cyclonedx.json" -> "CycloneDX SBOM (-cyclonedx.json)";
            default -> kind;
        };
    }
}
