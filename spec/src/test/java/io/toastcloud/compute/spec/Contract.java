package io.toastcloud.compute.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build puts things, and how to read them. Paths come from system properties set by
 * the surefire configuration in spec/pom.xml, with defaults relative to the module directory.
 */
final class Contract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final YAMLMapper YAML = new YAMLMapper();

  static final String CLASSPATH_YAML = "openapi/toast-compute-openapi.yaml";
  static final String CLASSPATH_JSON = "openapi/toast-compute-openapi.json";

  private Contract() {}

  static Path bundleYaml() {
    return existing(System.getProperty("toast.bundle.yaml", "target/openapi/toast-compute-openapi.yaml"));
  }

  static Path bundleJson() {
    return existing(System.getProperty("toast.bundle.json", "target/openapi/toast-compute-openapi.json"));
  }

  /** The spec module directory (holds openapi.yaml, paths/, components/, .spectral.yaml). */
  static Path specDir() {
    return Path.of(System.getProperty("toast.spec.dir", ".")).toAbsolutePath().normalize();
  }

  /** The repository root (holds package.json, redocly.yaml, node_modules/). */
  static Path repoRoot() {
    return Path.of(System.getProperty("toast.root", "..")).toAbsolutePath().normalize();
  }

  static Path nodeBin() {
    return Path.of(System.getProperty("toast.node.bin", repoRoot().resolve("node_modules/.bin").toString()))
        .toAbsolutePath()
        .normalize();
  }

  /** A test resource as a file path (resources are copied to target/test-classes). */
  static Path testResource(String name) {
    var url = Contract.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("test resource not found: " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readTree(Path file) {
    try {
      return file.toString().endsWith(".json") ? JSON.readTree(file.toFile()) : YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  private static Path existing(String path) {
    Path p = Path.of(path).toAbsolutePath().normalize();
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(
          "bundle not found: " + p + " (it is written by `mvn generate-resources` in the spec module)");
    }
    return p;
  }
}
