package io.toastcloud.compute.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** (d) The YAML and the JSON bundle are the same tree. */
class BundleFormatsTest {

  @Test
  void yamlAndJsonBundlesAreEqualTrees() {
    JsonNode yaml = Contract.readTree(Contract.bundleYaml());
    JsonNode json = Contract.readTree(Contract.bundleJson());
    assertEquals(List.of(), differences(yaml, json, ""));
  }

  /** The comparison can fail. */
  @Test
  void aDifferenceIsReportedWithItsLocation() {
    JsonNode a = Contract.readTree(Contract.testResource("fixtures/good-bundle.yaml"));
    JsonNode b = a.deepCopy();
    ((ObjectNode) b.path("info")).put("version", "1.0.1");
    ((ObjectNode) b.path("components").path("schemas").path("Token")).remove("required");
    assertEquals(
        List.of("/info/version: \"1.0.0\" != \"1.0.1\"", "/components/schemas/Token/required: only in the first"),
        differences(a, b, ""));
  }

  /** Differences as "pointer: reason", depth first. */
  static List<String> differences(JsonNode a, JsonNode b, String at) {
    List<String> out = new ArrayList<>();
    diff(a, b, at, out);
    return out;
  }

  private static void diff(JsonNode a, JsonNode b, String at, List<String> out) {
    if (a.isObject() && b.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      // Keep document order for readability: iterate a's keys first.
      List<String> ordered = new ArrayList<>();
      a.fieldNames().forEachRemaining(ordered::add);
      for (String k : keys) {
        if (!ordered.contains(k)) {
          ordered.add(k);
        }
      }
      for (String k : ordered) {
        String p = at + "/" + k.replace("~", "~0").replace("/", "~1");
        if (!a.has(k)) {
          out.add(p + ": only in the second");
        } else if (!b.has(k)) {
          out.add(p + ": only in the first");
        } else {
          diff(a.get(k), b.get(k), p, out);
        }
      }
    } else if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        out.add(at + ": " + a.size() + " items != " + b.size() + " items");
        return;
      }
      for (int i = 0; i < a.size(); i++) {
        diff(a.get(i), b.get(i), at + "/" + i, out);
      }
    } else if (!a.equals(b)) {
      out.add(at + ": " + a + " != " + b);
    }
  }
}
