package io.toastcloud.compute.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Component names must survive bundling unchanged. The root document lists every component as
 * {@code Name: {$ref: components/<kind>/[group/]Name.yaml}}; the bundle must then have exactly
 * those names (no file-derived or "-2" names, none lost, none added).
 */
final class ComponentNames {
  static final List<String> KINDS = List.of("schemas", "parameters", "examples", "responses", "requestBodies", "headers");

  private ComponentNames() {}

  static List<String> problems(JsonNode root, Path specDir, JsonNode bundle) {
    List<String> problems = new ArrayList<>();
    for (String kind : KINDS) {
      JsonNode listed = root.path("components").path(kind);
      Set<String> listedFiles = new TreeSet<>();
      for (Map.Entry<String, JsonNode> e : listed.properties()) {
        String name = e.getKey();
        String ref = e.getValue().path("$ref").asText(null);
        if (ref == null) {
          continue; // defined inline in the root: its name is its key
        }
        Path file = specDir.resolve(ref).normalize();
        listedFiles.add(specDir.relativize(file).toString().replace('\\', '/'));
        String base = file.getFileName().toString().replaceFirst("\\.(yaml|yml|json)$", "");
        if (!base.equals(name)) {
          problems.add("components." + kind + "." + name + " refers to " + ref + ": the file name must be the component name");
        }
        if (!ref.startsWith("components/" + kind + "/")) {
          problems.add("components." + kind + "." + name + " refers to " + ref + ", outside components/" + kind + "/");
        }
      }
      Path dir = specDir.resolve("components").resolve(kind);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().matches(".*\\.(yaml|yml|json)$"))
              .map(f -> specDir.relativize(f).toString().replace('\\', '/'))
              .filter(f -> !listedFiles.contains(f))
              .sorted()
              .forEach(f -> problems.add(f + " is not listed under components." + kind + " in openapi.yaml"));
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      }
      if (bundle != null) {
        Set<String> expected = new TreeSet<>();
        listed.fieldNames().forEachRemaining(expected::add);
        Set<String> actual = new TreeSet<>();
        bundle.path("components").path(kind).fieldNames().forEachRemaining(actual::add);
        for (String n : expected) {
          if (!actual.contains(n)) {
            problems.add("bundle lacks components." + kind + "." + n);
          }
        }
        for (String n : actual) {
          if (!expected.contains(n)) {
            problems.add("bundle has components." + kind + "." + n + ", which openapi.yaml does not list (a file-derived or renamed component)");
          }
        }
      }
    }
    return problems;
  }
}
