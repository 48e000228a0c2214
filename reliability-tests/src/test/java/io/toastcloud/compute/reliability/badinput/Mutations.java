package io.toastcloud.compute.reliability.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Breaks one constraint of a valid request example, and nothing on purpose besides: the
 * smallest change that crosses the constraint's line. Also says which violation the client must
 * report for it (the field it must name, and the rule).
 */
final class Mutations {
    /** A property no schema declares. */
    static final String EXTRA = "unexpectedField";
    private static final List<String> NON_MATCHING = List.of("not valid!", "has space", "_", "!", "\t");

    private Mutations() {
    }

    /** The violation the client must report: the field it names, and the rule. */
    record Expected(String field, String rule) {
        @Override
        public String toString() {
            return field + " [" + rule + "]";
        }
    }

    static Expected expected(Constraint c) {
        if (c.parameter() != null) {
            return new Expected(c.parameter(), c.keyword());
        }
        return switch (c.keyword()) {
            case "additionalProperties" -> new Expected(c.object().child(EXTRA).toString(), c.keyword());
            case "x-rules/mutuallyExclusive" -> {
                StringBuilder fields = new StringBuilder();
                c.rule().path("fields").forEach(f -> fields.append(fields.length() == 0 ? "" : "+").append(f.asText()));
                yield new Expected(c.object().isRoot() ? fields.toString() : c.object() + "." + fields, c.rule().path("id").asText());
            }
            case "x-rules/requiredWith", "x-rules/notGreaterThan", "x-rules/withinRange" ->
                    new Expected(c.field().toString(), c.rule().path("id").asText());
            case "x-rules/requiredOneOf" -> {
                StringBuilder fields = new StringBuilder();
                c.rule().path("fields").forEach(f -> fields.append(fields.length() == 0 ? "" : "|").append(f.asText()));
                yield new Expected(c.object().isRoot() ? fields.toString() : c.object() + "." + fields, c.rule().path("id").asText());
            }
            default -> new Expected(c.field().toString(), c.keyword());
        };
    }

    /** A copy of the constraint's example that breaks it. */
    static JsonNode breakBody(Constraint c) {
        ObjectNode root = (ObjectNode) c.example().deepCopy();
        JsonNode schema = c.schema();
        JsonNode when = c.rule() == null ? null : c.rule().get("when");
        if (when != null) {
            // a rule that holds only for some values of another field: give it the first of them
            set(root, c.object().child(when.path("field").asText()), when.path("in").path(0).deepCopy());
        }
        switch (c.keyword()) {
            case "required" -> object(root, c.object()).remove(c.field().name());
            case "additionalProperties" -> object(root, c.object()).put(EXTRA, "x");
            case "minLength" -> set(root, c.field(), text("x".repeat(schema.get("minLength").asInt() - 1)));
            case "maxLength" -> set(root, c.field(), text("a".repeat(schema.get("maxLength").asInt() + 1)));
            case "pattern" -> set(root, c.field(), text(nonMatching(schema.get("pattern").asText())));
            case "minimum" -> set(root, c.field(), number(schema.get("minimum").asLong() - 1));
            case "maximum" -> set(root, c.field(), number(schema.get("maximum").asLong() + 1));
            case "multipleOf" -> {
                long step = schema.get("multipleOf").asLong();
                long value = schema.path("minimum").asLong(0) + 1;
                set(root, c.field(), number(value % step == 0 ? value + 1 : value));
            }
            case "enum" -> set(root, c.field(), text("not-in-the-enum"));
            case "minItems" -> set(root, c.field(), JsonNodeFactory.instance.arrayNode());
            case "format" -> set(root, c.field(), text("not-an-" + schema.get("format").asText()));
            case "x-rules/mutuallyExclusive" -> c.rule().path("fields").forEach(f ->
                    ensure(root, c, c.object().child(f.asText())));
            case "x-rules/requiredWith" -> {
                object(root, c.object()).remove(c.field().name());
                ensure(root, c, c.object().child(c.rule().path("with").path(0).asText()));
            }
            case "x-rules/notGreaterThan" -> {
                Field other = c.object().child(c.rule().path("other").asText());
                ensure(root, c, other);
                set(root, c.field(), number(root.at(other.pointer()).asLong() + 1));
            }
            case "maxProperties" -> {
                ObjectNode crowded = JsonNodeFactory.instance.objectNode();
                for (int i = 0; i <= schema.get("maxProperties").asInt(); i++) {
                    crowded.put("extra" + i, "x");
                }
                set(root, c.field(), crowded);
            }
            case "x-rules/withinRange" -> {
                long minimum = c.rule().path("minimum").asLong();
                set(root, c.field(), number(minimum > 0 ? minimum - 1 : c.rule().path("maximum").asLong() + 1));
            }
            case "x-rules/requiredOneOf" -> c.rule().path("fields").forEach(f -> object(root, c.object()).remove(f.asText()));
            default -> throw new IllegalStateException("no way to break " + c.keyword() + " (" + c + "): add one to Mutations");
        }
        return root;
    }

    /** A value for a parameter that breaks its constraint; null for a missing required one. */
    static String breakParameter(Constraint c) {
        return switch (c.keyword()) {
            case "required" -> null;
            case "minLength" -> "x".repeat(c.schema().get("minLength").asInt() - 1);
            case "maxLength" -> "a".repeat(c.schema().get("maxLength").asInt() + 1);
            case "pattern" -> nonMatching(c.schema().get("pattern").asText());
            case "minimum" -> String.valueOf(c.schema().get("minimum").asLong() - 1);
            case "maximum" -> String.valueOf(c.schema().get("maximum").asLong() + 1);
            default -> throw new IllegalStateException("no way to break parameter " + c.keyword() + " (" + c + ")");
        };
    }

    /** Makes sure the field holds a valid value: its own, else one from another example of the operation. */
    private static void ensure(ObjectNode root, Constraint c, Field field) {
        if (!root.at(field.pointer()).isMissingNode() && !root.at(field.pointer()).isNull()) {
            return;
        }
        for (JsonNode other : c.operation().requestExamples().values()) {
            JsonNode value = other.at(field.pointer());
            if (!value.isMissingNode() && !value.isNull()) {
                set(root, field, value.deepCopy());
                return;
            }
        }
        throw new IllegalStateException("no example of " + c.operation().id() + " has a value for " + field
                + ": add one to the contract's examples so this rule can be broken");
    }

    private static String nonMatching(String pattern) {
        Pattern p = Pattern.compile(pattern);
        return NON_MATCHING.stream().filter(s -> !p.matcher(s).find()).findFirst()
                .orElseThrow(() -> new IllegalStateException("every candidate matches " + pattern));
    }

    private static ObjectNode object(ObjectNode root, Field field) {
        JsonNode node = root;
        for (Object segment : field.segments()) {
            JsonNode next = segment instanceof Integer i ? node.path(i) : node.path((String) segment);
            if (next.isMissingNode() && node instanceof ObjectNode o && segment instanceof String name) {
                next = o.putObject(name);
            }
            node = next;
        }
        if (!(node instanceof ObjectNode o)) {
            throw new IllegalStateException(field + " is not an object in the example");
        }
        return o;
    }

    private static void set(ObjectNode root, Field field, JsonNode value) {
        Field parent = field.parent();
        Object last = field.segments().get(field.segments().size() - 1);
        if (last instanceof Integer i) {
            JsonNode array = root.at(parent.pointer());
            ((ArrayNode) array).set(i, value);
        } else {
            object(root, parent).set((String) last, value);
        }
    }

    private static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }

    private static JsonNode number(long n) {
        return JsonNodeFactory.instance.numberNode(n);
    }
}
