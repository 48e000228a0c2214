package io.toastcloud.compute.publishing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rules a user meets on each create operation, written as Markdown from the bundled
 * contract: the body's required fields, each field's bounds, steps, lengths and defaults, and
 * the schema's x-rules (the rules JSON Schema cannot say). README.md carries this block between
 * markers, and ReadmeTest fails when the two differ.
 */
final class ServiceRules {

    private static final String SCHEMAS = "#/components/schemas/";

    private final JsonNode contract;

    ServiceRules(JsonNode contract) {
        this.contract = contract;
    }

    String markdown() {
        List<String> lines = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode post = path.getValue().path("post");
            String operationId = post.path("operationId").asText("");
            if (!operationId.startsWith("create")) {
                continue;
            }
            JsonNode body = schema(post.path("requestBody").path("content").path("application/json").path("schema"));
            // Each create body wraps one object ({"instance": {...}}): the rules are the wrapped object's.
            Map.Entry<String, JsonNode> wrapped = body.path("properties").fields().next();
            String specName = name(wrapped.getValue());
            lines.add("**`" + operationId + "`** (`POST " + path.getKey() + "`, body `{\"" + wrapped.getKey() + "\": "
                    + specName + "}`)");
            lines.add("");
            describe(schema(wrapped.getValue()), "", lines);
            lines.add("");
        }
        return String.join("\n", lines).strip() + "\n";
    }

    private void describe(JsonNode spec, String prefix, List<String> lines) {
        List<String> required = new ArrayList<>();
        spec.path("required").forEach(field -> required.add("`" + prefix + field.asText() + "`"));
        if (!required.isEmpty()) {
            lines.add("- required: " + String.join(", ", required));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = spec.path("properties").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode property = schema(field.getValue());
            String constraints = constraints(property);
            if (!constraints.isEmpty()) {
                lines.add("- `" + prefix + field.getKey() + "`: " + constraints);
            }
            if (field.getValue().has("$ref") && "object".equals(property.path("type").asText())) {
                describe(property, prefix + field.getKey() + ".", lines);
            }
        }
        for (JsonNode rule : spec.path("x-rules")) {
            String field = rule.has("field") ? rule.path("field").asText() : joined(rule.path("fields"));
            lines.add("- `" + prefix + field + "`: " + rule.path("message").asText()
                    + " (x-rules `" + rule.path("id").asText() + "`)");
        }
    }

    private static String constraints(JsonNode property) {
        List<String> parts = new ArrayList<>();
        if (property.has("minimum") || property.has("maximum")) {
            parts.add(property.path("minimum").asText("…") + " to " + property.path("maximum").asText("…"));
        }
        if (property.has("multipleOf")) {
            parts.add("a multiple of " + property.path("multipleOf").asText());
        }
        if (property.has("maxLength")) {
            parts.add(property.path("minLength").asText("0") + " to " + property.path("maxLength").asText() + " characters");
        } else if (property.has("minLength")) {
            int min = property.path("minLength").asInt();
            parts.add(min == 1 ? "not empty" : "at least " + min + " characters");
        }
        if (property.has("maxItems")) {
            parts.add(property.path("minItems").asText("0") + " to " + property.path("maxItems").asText() + " items");
        } else if (property.has("minItems")) {
            int min = property.path("minItems").asInt();
            parts.add("at least " + min + (min == 1 ? " item" : " items"));
        }
        if (property.has("enum")) {
            List<String> values = new ArrayList<>();
            property.path("enum").forEach(value -> values.add("`" + value.asText() + "`"));
            parts.add("one of " + String.join(", ", values));
        }
        if (property.has("pattern")) {
            parts.add("pattern `" + property.path("pattern").asText() + "`");
        }
        if (property.has("default")) {
            parts.add("default `" + (property.path("default").isTextual() ? "\"" + property.path("default").asText() + "\""
                    : property.path("default").toString()) + "`");
        }
        return String.join("; ", parts);
    }

    private static String joined(JsonNode fields) {
        List<String> names = new ArrayList<>();
        fields.forEach(field -> names.add(field.asText()));
        return String.join("` / `", names);
    }

    private JsonNode schema(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = contract.path("components").path("schemas").path(name(current));
        }
        return current;
    }

    private static String name(JsonNode reference) {
        String ref = reference.path("$ref").asText();
        if (!ref.startsWith(SCHEMAS)) {
            throw new IllegalStateException("not a local schema reference: " + reference);
        }
        return ref.substring(SCHEMAS.length());
    }
}
