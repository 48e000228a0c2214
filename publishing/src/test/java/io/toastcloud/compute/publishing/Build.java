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

    static Path chromium() {
        return path("toast.chromium");
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
