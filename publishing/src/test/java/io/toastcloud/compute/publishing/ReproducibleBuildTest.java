package io.toastcloud.compute.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Two builds of the same sources give byte-identical artifacts. The second build runs here, in a
 * copy of the sources (everything but target/, node_modules/ and .git/) and packages the
 * contract and the client's three modules (the contract bundled again, the client generated and
 * compiled again);
 * each jar, -sources.jar, -javadoc.jar and SBOM this build made must come out of the second one
 * byte for byte. maven-artifact-plugin's check-buildplan runs in every module of every build.
 */
class ReproducibleBuildTest {

    private static final Set<String> NOT_COPIED = Set.of("target", "node_modules", ".git");
    private static final List<String> MODULES = List.of("spec", "client-generated", "contract-runtime", "client");

    @Test
    void aSecondBuildOfTheSameSourcesGivesByteIdenticalArtifacts() throws Exception {
        Path copy = Build.target("reproducibility", "sources");
        deleteRecursively(copy);
        copySources(Build.root(), copy);

        long started = System.nanoTime();
        // Not offline (-o): cyclonedx-maven-plugin requires an online build and is left out of an
        // offline one without a word. Every dependency is already in this build's local repository,
        // which is named explicitly: with -Dmaven.repo.local the second build would use ~/.m2.
        Command.Result build = Command.of(Build.mavenHome().resolve("bin").resolve("mvn").toString(),
                        "-B", "package", "-pl", String.join(",", MODULES), "-am",
                        "-DskipTests", "-Dtoast.lint.skip=true", "-Dgpg.skip=true",
                        "-Dmaven.repo.local=" + Build.mavenRepoLocal(),
                        // This build's Node tools, used where they are: the copy has no node_modules/
                        // and must never run `npm ci` (it would empty a node_modules/ it reaches).
                        "-Dtoast.npm.ci.skip=true", "-Dtoast.node.bin=" + Build.nodeBin(),
                        // Never this build's staging directory, which the root module empties.
                        "-Dtoast.staging.repo=" + copy.resolve("target").resolve("staging-repo"))
                .in(copy)
                .timeout(Duration.ofMinutes(10))
                .run(Build.target("reproducibility", "second-build.log"));
        Figures.record("reproducibility: second build (" + String.join(", ", MODULES) + ", package), seconds",
                (System.nanoTime() - started) / 1_000_000_000L);
        assertEquals(0, build.exitCode(), "the second build failed (log: " + build.log() + ")");

        List<String> compared = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (String module : MODULES) {
            Path first = Build.root().resolve(module).resolve("target");
            Path second = copy.resolve(module).resolve("target");
            try (Stream<Path> files = Files.list(first)) {
                for (Path original : files.filter(ReproducibleBuildTest::isArtifact).sorted().toList()) {
                    Path made = second.resolve(original.getFileName().toString());
                    compared.add(module + "/" + original.getFileName());
                    if (!Files.exists(made) || Files.mismatch(original, made) != -1) {
                        different.add(module + "/" + original.getFileName() + " (this build: SHA-1 " + sha1(original)
                                + "; second build: " + (Files.exists(made) ? "SHA-1 " + sha1(made) : "not made") + ")");
                    }
                }
            }
        }
        Figures.record("reproducibility: artifacts compared", compared);
        assertFalse(compared.isEmpty(), "the second build made no artifact (log: " + build.log() + ")");
        assertEquals(List.of(), different, "artifacts that differ between two builds of the same sources");
    }

    private static boolean isArtifact(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".jar") || name.endsWith("-cyclonedx.json"));
    }

    private static String sha1(Path file) throws IOException {
        return Files.exists(file) ? PublicationRules.digest("SHA-1", file) : "(missing)";
    }

    /** Copies the sources, never descending into target/, node_modules/ or .git/. */
    private static void copySources(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(from) && NOT_COPIED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile() && !NOT_COPIED.contains(file.getFileName().toString())) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
