package io.toastcloud.compute.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds $refs that leave the document or point at nothing. */
final class Refs {
  private Refs() {}

  static List<String> problems(JsonNode doc) {
    List<String> problems = new ArrayList<>();
    walk(doc, doc, "#", problems);
    return problems;
  }

  private static void walk(JsonNode root, JsonNode node, String where, List<String> problems) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        check(root, ref, where, problems);
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        walk(root, e.getValue(), where + "/" + escape(e.getKey()), problems);
      }
      // discriminator.mapping values are references too (OpenAPI 3.0.3, Discriminator Object).
      JsonNode mapping = node.path("discriminator").path("mapping");
      for (Map.Entry<String, JsonNode> m : mapping.properties()) {
        String at = where + "/discriminator/mapping/" + escape(m.getKey());
        String target = m.getValue().asText();
        if (!target.contains("/") && !target.contains("#") && !target.contains(".")) {
          // A bare schema name.
          if (!root.path("components").path("schemas").has(target)) {
            problems.add(at + ": mapping names a schema that does not exist: " + target);
          }
        } else {
          check(root, m.getValue(), at, problems);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(root, node.get(i), where + "/" + i, problems);
      }
    }
  }

  private static void check(JsonNode root, JsonNode ref, String where, List<String> problems) {
    if (!ref.isTextual()) {
      problems.add(where + ": $ref is not a string: " + ref);
      return;
    }
    String value = ref.asText();
    if (!value.startsWith("#/")) {
      problems.add(where + ": reference leaves the bundle: " + value);
      return;
    }
    // JSON Pointer after '#', with percent-decoding of the URI fragment.
    String pointer = java.net.URLDecoder.decode(value.substring(1).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    if (root.at(pointer).isMissingNode()) {
      problems.add(where + ": reference points at nothing: " + value);
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
