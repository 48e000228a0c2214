package io.toastcloud.compute.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lint rules can fail. fixtures/good-bundle.yaml passes spec/.spectral.yaml and redocly.yaml;
 * each mutation below breaks one rule, and the test checks that exactly that rule reports it.
 * All Spectral fixtures go through one Spectral run.
 */
class LintRulesTest {
  private static final String TOKENS = "/paths/~1v1.0~1appkeys~1{appkey}~1tokens";
  private static final String ACTION = "/paths/~1v1.0~1appkeys~1{appkey}~1instances~1{instanceId}~1action";
  private static final String SCHEMAS = "/components/schemas";

  private record Mutation(String expectedRule, Consumer<ObjectNode> change) {}

  /** name -> (rule that must report it, the change). */
  private static final Map<String, Mutation> MUTATIONS = new LinkedHashMap<>();

  static {
    m("no-operation-id", "toast-operation-id", d -> obj(d, TOKENS + "/get").remove("operationId"));
    m("two-tags", "toast-operation-single-tag", d -> arr(d, TOKENS + "/get/tags").add("Instance"));
    m("no-summary", "toast-operation-summary", d -> obj(d, TOKENS + "/get").remove("summary"));
    m("no-description", "toast-operation-description", d -> obj(d, TOKENS + "/get").remove("description"));
    m("404-response", "toast-response-200-only",
        d -> obj(d, TOKENS + "/get/responses").putObject("404").put("description", "Not found"));
    m("no-200-response", "toast-response-200", d -> {
      ObjectNode responses = obj(d, TOKENS + "/get/responses");
      responses.set("201", responses.remove("200"));
    });
    m("inline-header", "toast-response-envelope",
        d -> obj(d, SCHEMAS + "/TokenResponse/properties").putObject("header").put("type", "object"));
    m("header-not-required", "toast-response-envelope", d -> {
      ObjectNode s = obj(d, SCHEMAS + "/HeaderOnlyResponse");
      s.remove("required");
    });
    m("no-failure-example", "toast-response-examples",
        d -> obj(d, TOKENS + "/get/responses/200/content/application~1json/examples").remove("authFailure"));
    m("no-success-example", "toast-response-examples", d -> {
      ObjectNode ex = obj(d, TOKENS + "/get/responses/200/content/application~1json/examples");
      ex.set("issued", ex.remove("success"));
    });
    m("failing-success-example", "toast-response-examples",
        d -> obj(d, ACTION + "/post/responses/200/content/application~1json/examples/success/value/header")
            .put("isSuccessful", false));
    m("issue-token-needs-token", "toast-security", d -> obj(d, TOKENS + "/post").remove("security"));
    m("optional-token", "toast-security",
        d -> obj(d, TOKENS + "/get").putArray("security").addObject());
    m("auth-header-parameter", "toast-no-auth-header-parameter", d -> {
      ObjectNode p = obj(d, TOKENS + "/get").putArray("parameters").addObject();
      p.put("name", "X-Auth-Token").put("in", "header").put("required", true).put("description", "token");
      p.putObject("schema").put("type", "string");
    });
    m("date-time", "toast-timestamps",
        d -> obj(d, SCHEMAS + "/Timestamp").put("format", "date-time"));
    m("untyped-timestamp", "toast-timestamps",
        d -> obj(d, SCHEMAS + "/Token/properties").putObject("createdAt").put("type", "string"));
    m("unmarked-secret", "toast-secret-marked",
        d -> obj(d, SCHEMAS + "/Token/properties").putObject("password").put("type", "string"));
    m("snake-case-operation-id", "toast-operation-id-camel-case",
        d -> obj(d, TOKENS + "/get").put("operationId", "get_token"));
    m("renamed-component", "toast-component-name-pascal-case",
        d -> obj(d, SCHEMAS).set("Token-2", obj(d, SCHEMAS + "/Token").deepCopy()));
    m("strict-response", "toast-tolerant-responses",
        d -> obj(d, SCHEMAS + "/Token").put("additionalProperties", false));
    m("path-without-appkey", "toast-path-prefix", d -> {
      ObjectNode paths = obj(d, "/paths");
      JsonNode item = paths.remove("/v1.0/appkeys/{appkey}/tokens");
      ((ObjectNode) item).remove("parameters");
      paths.set("/v1.0/tokens", item);
    });
    m("invalid-example", "oas3-valid-media-example",
        d -> obj(d, "/components/examples/TokenIssueSuccess/value/token").put("expires", 12));
  }

  private static Map<String, Path> fixtures;
  private static Map<String, List<String>> reported;

  @BeforeAll
  static void lintAllFixtures() throws IOException {
    Path dir = Path.of("target", "lint-fixtures").toAbsolutePath();
    Files.createDirectories(dir);
    ObjectNode good = (ObjectNode) Contract.readTree(Contract.testResource("fixtures/good-bundle.yaml"));
    fixtures = new LinkedHashMap<>();
    fixtures.put("good", write(dir, "good", good));
    for (Map.Entry<String, Mutation> e : MUTATIONS.entrySet()) {
      ObjectNode doc = good.deepCopy();
      e.getValue().change().accept(doc);
      fixtures.put(e.getKey(), write(dir, e.getKey(), doc));
    }
    Path out = dir.resolve("spectral-results.json");
    Files.deleteIfExists(out);
    List<String> args = new ArrayList<>(List.of("lint"));
    fixtures.values().forEach(p -> args.add(p.toString()));
    args.addAll(List.of("--ruleset", Contract.specDir().resolve(".spectral.yaml").toString(),
        "--format", "json", "--output", out.toString(), "--fail-severity", "hint"));
    NodeTool.Run run = NodeTool.run("spectral", args);
    assertTrue(Files.exists(out), () -> "spectral wrote no results (exit " + run.exitCode() + "):\n" + run.output());
    reported = new TreeMap<>();
    for (JsonNode r : Contract.JSON.readTree(out.toFile())) {
      if (r.path("severity").asInt() > 1) {
        continue; // info and hint do not fail the build
      }
      String source = Path.of(r.path("source").asText()).getFileName().toString().replaceFirst("\\.yaml$", "");
      reported.computeIfAbsent(source, k -> new ArrayList<>())
          .add(r.path("code").asText() + ": " + r.path("message").asText());
    }
  }

  private static Path write(Path dir, String name, JsonNode doc) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Contract.YAML.writeValue(file.toFile(), doc);
    return file;
  }

  @Test
  void theGoodFixturePassesSpectral() {
    assertEquals(List.of(), reported.getOrDefault("good", List.of()));
  }

  @Test
  void everyMutationIsReportedByItsRule() {
    List<String> missed = new ArrayList<>();
    for (Map.Entry<String, Mutation> e : MUTATIONS.entrySet()) {
      List<String> got = reported.getOrDefault(e.getKey(), List.of());
      if (got.stream().noneMatch(s -> s.startsWith(e.getValue().expectedRule() + ":"))) {
        missed.add(e.getKey() + " expected " + e.getValue().expectedRule() + ", got " + got);
      }
    }
    assertEquals(List.of(), missed);
  }

  /** Every custom rule of the ruleset is exercised by at least one mutation. */
  @Test
  void everyToastRuleHasAFailingFixture() throws IOException {
    JsonNode ruleset = Contract.YAML.readTree(Contract.specDir().resolve(".spectral.yaml").toFile());
    TreeSet<String> rules = new TreeSet<>();
    ruleset.path("rules").fieldNames().forEachRemaining(n -> {
      if (n.startsWith("toast-")) {
        rules.add(n);
      }
    });
    MUTATIONS.values().forEach(m -> rules.remove(m.expectedRule()));
    assertEquals(new TreeSet<String>(), rules, "toast-* rules without a failing fixture");
  }

  @Test
  void redoclyPassesTheGoodFixture() {
    NodeTool.Run run = redocly(fixtures.get("good"));
    assertEquals(0, run.exitCode(), run.output());
  }

  /** recommended-strict + redocly.yaml fail on an invalid example (plain `recommended` only warns). */
  @Test
  void redoclyFailsOnAnInvalidExample() {
    NodeTool.Run run = redocly(fixtures.get("invalid-example"));
    assertNotEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("no-invalid-media-type-examples"), run.output());
  }

  /** allowAdditionalProperties: false: an example field the schema does not declare fails. */
  @Test
  void redoclyFailsOnAnUndeclaredExampleProperty() throws IOException {
    ObjectNode doc = (ObjectNode) Contract.readTree(fixtures.get("good"));
    obj(doc, "/components/examples/TokenIssueSuccess/value/token").put("expiresAt", "2017-05-16T02:17:50Z");
    NodeTool.Run run = redocly(write(fixtures.get("good").getParent(), "undeclared-example-property", doc));
    assertNotEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("no-invalid-media-type-examples"), run.output());
  }

  private static NodeTool.Run redocly(Path file) {
    return NodeTool.run("redocly", List.of("lint", file.toString(),
        "--config=" + Contract.repoRoot().resolve("redocly.yaml"), "--format=stylish"));
  }

  private static void m(String name, String rule, Consumer<ObjectNode> change) {
    MUTATIONS.put(name, new Mutation(rule, change));
  }

  private static ObjectNode obj(JsonNode doc, String pointer) {
    JsonNode n = doc.at(pointer);
    if (!n.isObject()) {
      throw new IllegalStateException("fixture has no object at " + pointer);
    }
    return (ObjectNode) n;
  }

  private static ArrayNode arr(JsonNode doc, String pointer) {
    JsonNode n = doc.at(pointer);
    if (!n.isArray()) {
      throw new IllegalStateException("fixture has no array at " + pointer);
    }
    return (ArrayNode) n;
  }
}
