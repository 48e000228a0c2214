package io.toastcloud.compute.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** (b) Every example is valid against its media type's schema (swagger-request-validator). */
class ExamplesTest {

  static ExampleChecker.Result check(Path file) {
    return ExampleChecker.check(Contract.read(file), Contract.readTree(file));
  }

  @Test
  void everyExampleOfTheContractIsValid() {
    ExampleChecker.Result result = check(Contract.bundleYaml());
    assertTrue(result.examplesChecked() > 31, "expected examples for every operation, checked " + result.examplesChecked());
    if (!result.problems().isEmpty()) {
      fail(result.problems().size() + " invalid example(s) of " + result.examplesChecked() + ":\n  "
          + String.join("\n  ", result.problems()));
    }
  }

  /**
   * The check is live on the real contract (paths match, the base path is handled): with every
   * response example's header.resultCode broken, every response example is reported.
   */
  @Test
  void breakingTheContractsResponseExamplesIsDetected() throws Exception {
    JsonNode doc = Contract.readTree(Contract.bundleYaml()).deepCopy();
    int broken = 0;
    for (JsonNode example : doc.path("components").path("examples")) {
      broken += breakHeader(example);
    }
    for (JsonNode item : doc.path("paths")) {
      for (JsonNode op : item) {
        for (JsonNode response : op.path("responses")) {
          for (JsonNode example : response.path("content").path("application/json").path("examples")) {
            broken += breakHeader(example);
          }
        }
      }
    }
    assertTrue(broken > 0, "no response example with a header found");
    ExampleChecker.Result result = ExampleChecker.check(Contract.JSON.writeValueAsString(doc), doc);
    Set<String> where = new TreeSet<>();
    for (String p : result.problems()) {
      assertTrue(p.contains("response 200 example"), p);
      where.add(p.substring(0, p.indexOf(": [")));
    }
    long responseExamples = countResponseExamples(doc);
    assertEquals(responseExamples, where.size(), "response examples reported, of " + responseExamples);
  }

  private static int breakHeader(JsonNode example) {
    JsonNode header = example.path("value").path("header");
    if (header.isObject()) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) header).put("resultCode", "broken");
      return 1;
    }
    return 0;
  }

  private static long countResponseExamples(JsonNode doc) {
    long n = 0;
    for (JsonNode item : doc.path("paths")) {
      for (JsonNode op : item) {
        for (JsonNode response : op.path("responses")) {
          n += response.path("content").path("application/json").path("examples").size();
        }
      }
    }
    return n;
  }

  @Test
  void theGoodFixturePasses() {
    ExampleChecker.Result result = check(Contract.testResource("fixtures/good-bundle.yaml"));
    assertEquals(List.of(), result.problems());
  }

  /** The checker can fail: every deliberate error of the broken fixture is reported, and nothing else. */
  @Test
  void everyErrorOfTheBrokenFixtureIsReported() {
    ExampleChecker.Result result = check(Contract.testResource("fixtures/broken-examples.yaml"));
    String all = String.join("\n", result.problems());
    // A problem reads "<where>: [<validator key>] <message>"; one example may get several messages.
    Set<String> where = new TreeSet<>();
    for (String p : result.problems()) {
      where.add(p.contains(": [") ? p.substring(0, p.indexOf(": [")) : p);
    }
    String action = "POST /v1.0/appkeys/{appkey}/instances/{instanceId}/action";
    assertEquals(new TreeSet<>(List.of(
            action + " response 200 example 'notFound'",
            action + " request example 'rebootWithoutParameters'",
            // The bad component example is reported once per operation that uses it.
            "POST /v1.0/appkeys/{appkey}/tokens response 200 example 'success' (#/components/examples/TokenIssueSuccess)",
            "GET /v1.0/appkeys/{appkey}/tokens response 200 example 'success' (#/components/examples/TokenIssueSuccess)",
            "components.examples.Orphan is used by no media type, so nothing validates it")),
        where, all);
  }

}
