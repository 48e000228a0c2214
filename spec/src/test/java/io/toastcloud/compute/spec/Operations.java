package io.toastcloud.compute.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The operations of an OpenAPI document as "METHOD /path" strings. */
final class Operations {
  static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private Operations() {}

  static Set<String> of(JsonNode doc) {
    Set<String> ops = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
      for (String method : METHODS) {
        if (path.getValue().has(method)) {
          ops.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return ops;
  }

  /** Human-readable differences between the expected and the actual set; empty when equal. */
  static List<String> differences(Set<String> expected, Set<String> actual) {
    List<String> problems = new java.util.ArrayList<>();
    for (String e : expected) {
      if (!actual.contains(e)) {
        problems.add("missing from the contract: " + e);
      }
    }
    for (String a : actual) {
      if (!expected.contains(a)) {
        problems.add("not in the guide: " + a);
      }
    }
    return problems;
  }
}
