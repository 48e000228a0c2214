package io.toastcloud.compute.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates every example of a bundled OpenAPI document with an independent validator
 * (Atlassian swagger-request-validator): each request-body example as the body of a request to
 * its operation, each response example as the body of that response. Examples in
 * components.examples are checked where they are used; one that is used nowhere is reported.
 * All problems are collected, so one run reports every bad example.
 */
final class ExampleChecker {
  private static final String JSON_MEDIA = "application/json";
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

  private final JsonNode doc;
  private final OpenApiInteractionValidator validator;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> usedComponentExamples = new LinkedHashSet<>();
  private int checked;

  private ExampleChecker(String specText, JsonNode doc) {
    this.doc = doc;
    // The server URL has a base path (/compute); requests below use the bare /v1.0/... paths.
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(specText).withBasePathOverride("/").build();
  }

  /** Result of a run: the problems, and how many examples were validated. */
  record Result(List<String> problems, int examplesChecked) {}

  static Result check(String specText, JsonNode doc) {
    ExampleChecker c = new ExampleChecker(specText, doc);
    c.run();
    return new Result(List.copyOf(c.problems), c.checked);
  }

  private void run() {
    for (Map.Entry<String, JsonNode> pathEntry : doc.path("paths").properties()) {
      String path = pathEntry.getKey();
      JsonNode item = deref(pathEntry.getValue());
      for (String method : Operations.METHODS) {
        JsonNode op = item.get(method);
        if (op == null) {
          continue;
        }
        String opName = method.toUpperCase(Locale.ROOT) + " " + path;
        String concretePath = concretePath(path);
        Request.Method m = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));

        JsonNode body = deref(op.path("requestBody"));
        JsonNode requestMedia = body.path("content").path(JSON_MEDIA);
        forEachExample(requestMedia, opName + " request", (label, value) -> checkRequest(m, concretePath, label, value));

        for (Map.Entry<String, JsonNode> resp : op.path("responses").properties()) {
          String code = resp.getKey();
          JsonNode media = deref(resp.getValue()).path("content").path(JSON_MEDIA);
          int status = code.matches("\\d{3}") ? Integer.parseInt(code) : 200;
          forEachExample(media, opName + " response " + code,
              (label, value) -> checkResponse(m, concretePath, status, label, value));
        }
      }
    }
    for (String name : iterable(doc.path("components").path("examples").fieldNames())) {
      if (!usedComponentExamples.contains(name)) {
        problems.add("components.examples." + name + " is used by no media type, so nothing validates it");
      }
    }
  }

  private interface ExampleAction {
    void check(String label, JsonNode value);
  }

  private void forEachExample(JsonNode media, String where, ExampleAction action) {
    if (media.isMissingNode()) {
      return;
    }
    if (media.has("example")) {
      action.check(where + " example", media.get("example"));
    }
    for (Map.Entry<String, JsonNode> ex : media.path("examples").properties()) {
      String label = where + " example '" + ex.getKey() + "'";
      JsonNode example = ex.getValue();
      String ref = example.path("$ref").asText("");
      if (ref.startsWith("#/components/examples/")) {
        usedComponentExamples.add(ref.substring("#/components/examples/".length()));
        label += " (" + ref + ")";
      }
      example = deref(example);
      if (example.isMissingNode()) {
        problems.add(label + ": $ref " + ref + " cannot be resolved");
        continue;
      }
      if (!example.has("value")) {
        if (example.has("externalValue")) {
          problems.add(label + ": externalValue is not allowed (the bundle must be self-contained)");
        } else {
          problems.add(label + ": has no value");
        }
        continue;
      }
      action.check(label, example.get("value"));
    }
  }

  private void checkRequest(Request.Method method, String path, String label, JsonNode value) {
    checked++;
    Request request = new SimpleRequest.Builder(method, path)
        .withContentType(JSON_MEDIA)
        .withHeader("X-Auth-Token", "example-token")
        .withBody(toJson(value))
        .build();
    ValidationReport report = validator.validateRequest(request);
    for (ValidationReport.Message msg : report.getMessages()) {
      // Only the body is under test; parameters of the made-up request are not.
      if (msg.getLevel() == ValidationReport.Level.ERROR && msg.getKey().startsWith("validation.request.body")) {
        problems.add(label + ": " + describe(msg));
      }
    }
  }

  private void checkResponse(Request.Method method, String path, int status, String label, JsonNode value) {
    checked++;
    SimpleResponse response = SimpleResponse.Builder.status(status)
        .withContentType(JSON_MEDIA)
        .withBody(toJson(value))
        .build();
    ValidationReport report = validator.validateResponse(path, method, response);
    for (ValidationReport.Message msg : report.getMessages()) {
      if (msg.getLevel() == ValidationReport.Level.ERROR) {
        problems.add(label + ": " + describe(msg));
      }
    }
  }

  private static String describe(ValidationReport.Message msg) {
    String text = msg.getMessage().replaceAll("\\s+", " ").trim();
    List<String> nested = msg.getNestedMessages().stream()
        .map(n -> n.getMessage().replaceAll("\\s+", " ").trim())
        .toList();
    return "[" + msg.getKey() + "] " + text + (nested.isEmpty() ? "" : " " + nested);
  }

  /** Follows local $refs (several hops). Returns a MissingNode when one cannot be followed. */
  private JsonNode deref(JsonNode node) {
    JsonNode cur = node;
    for (int hops = 0; hops < 20 && cur.isObject() && cur.has("$ref"); hops++) {
      String ref = cur.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
      cur = doc.at(ref.substring(1));
    }
    return cur;
  }

  /** /v1.0/appkeys/{appkey}/x/{id} becomes /v1.0/appkeys/appkey/x/id. */
  private static String concretePath(String template) {
    Matcher m = TEMPLATE.matcher(template);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
  }

  private static String toJson(JsonNode value) {
    try {
      return Contract.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
    return () -> it;
  }
}
