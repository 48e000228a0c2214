package io.toastcloud.compute.publishing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the Maven build put things (system properties set by publishing/pom.xml). */
final class Build {

    private Build() {
    }

    static Path root() {
        return path("toast.root");
    }

    static Path nodeBin() {
        return path("toast.node.bin");
    }

    static Path bundleYaml() {
        return existing("toast.bundle.yaml");
    }

    static Path bundleJson() {
        return existing("toast.bundle.json");
    }

    static Path baselineYaml() {
        return existing("toast.baseline.yaml");
    }

    static Path docsHtml() {
        return existing("toast.docs.html");
    }

    static Path npmTarball() {
        return existing("toast.npm.tarball");
    }

    static Path generatorCli() {
        return existing("toast.generator.cli");
    }

    /** The Python client's generator settings and templates (publishing/src/main/python-generator). */
    static Path pythonGenerator() {
        return existing("toast.python.generator");
    }

    /**
     * The file repository the published modules are staged in (root pom: toast.staging.repo).
     * maven-deploy-plugin refuses to run offline, so an offline build (-o) has staged nothing.
     */
    static Path stagingRepo() {
        Path staging = path("toast.staging.repo");
        if (!Files.isDirectory(staging)) {
            throw new IllegalStateException("Nothing is staged in " + staging + ". The published modules stage there during"
                    + " verify, with maven-deploy-plugin, which refuses offline mode: build without -o"
                    + " (mvn -B -pl publishing -am verify).");
        }
        return staging;
    }

    /** -Dtoast.chromium when given, else the Chromium found (or installed) by {@link ChromiumLocator}. */
    /** The Maven installation running this build (for a second build in a test). */
    static Path mavenHome() {
        return existing("toast.maven.home");
    }

    /** The local Maven repository this build resolves from (a second build must use the same). */
    static Path mavenRepoLocal() {
        return path("toast.maven.repo.local");
    }

    static Path chromium() {
        String configured = System.getProperty("toast.chromium", "");
        try {
            return ChromiumLocator.locate(configured.isBlank() ? java.util.Optional.empty()
                    : java.util.Optional.of(Path.of(configured).toAbsolutePath()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String python() {
        return property("toast.python");
    }

    static String projectVersion() {
        return property("toast.project.version");
    }

    /** This module's target/ directory, or a sub-directory of it. */
    static Path target(String... more) {
        return Path.of(property("toast.target"), more);
    }

    private static Path existing(String name) {
        Path path = path(name);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " (" + name + ") does not exist: run the Maven build"
                    + " (mvn -B -pl publishing -am verify), which makes it before the tests run.");
        }
        return path;
    }

    private static Path path(String name) {
        return Path.of(property(name)).toAbsolutePath().normalize();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests with Maven"
                    + " (publishing/pom.xml sets it).");
        }
        return value;
    }
}
