package io.toastcloud.compute.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toastcloud.compute.contract.Contract;
import java.util.ArrayList;
import java.util.List;

/**
 * Every change of a valid body that breaks one schema keyword of the contract, found by walking
 * the request schema along the body (through {@code $ref}s and the discriminator's variant):
 * wrong type, null where not nullable, one character too long or too short, a value off the
 * pattern or the enum, one past a bound, a required property removed, an unknown one added.
 * Whether a change really breaks the contract is decided by the independent validator, not here.
 */
final class BodyMutations {
    /** One change: its name (keyword and location) and the changed body. */
    record Mutation(String name, JsonNode body) {
    }

    private final Contract contract;

    BodyMutations(Contract contract) {
        this.contract = contract;
    }

    List<Mutation> of(JsonNode schema, JsonNode body) {
        List<Mutation> out = new ArrayList<>();
        walk(schema, body, body, "", out);
        return out;
    }

    private void walk(JsonNode schemaNode, JsonNode root, JsonNode value, String pointer, List<Mutation> out) {
        JsonNode schema = variant(contract.resolve(schemaNode), value);
        if (!pointer.isEmpty()) {
            valueMutations(schema, root, value, pointer, out);
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (value.has(required.asText())) {
                    out.add(new Mutation("required " + pointer + "/" + required.asText(), removed(root, pointer, required.asText())));
                }
            }
            if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
                out.add(new Mutation("additionalProperties " + pointer, set(root, pointer + "/fuzzUnknown",
                        JsonNodeFactory.instance.numberNode(1))));
            }
            value.fields().forEachRemaining(f -> {
                JsonNode property = schema.path("properties").get(f.getKey());
                if (property != null) {
                    walk(property, root, f.getValue(), pointer + "/" + f.getKey(), out);
                } else if (schema.path("additionalProperties").isObject()) {
                    walk(schema.get("additionalProperties"), root, f.getValue(), pointer + "/" + f.getKey(), out);
                }
            });
        } else if (value.isArray() && schema.has("items")) {
            if (schema.has("minItems") && value.size() >= 1) {
                out.add(new Mutation("minItems " + pointer, set(root, pointer, JsonNodeFactory.instance.arrayNode())));
            }
            for (int i = 0; i < value.size(); i++) {
                walk(schema.get("items"), root, value.get(i), pointer + "/" + i, out);
            }
        }
    }

    private void valueMutations(JsonNode schema, JsonNode root, JsonNode value, String pointer, List<Mutation> out) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (!schema.path("nullable").asBoolean(false)) {
            out.add(new Mutation("null " + pointer, set(root, pointer, json.nullNode())));
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "string" -> out.add(new Mutation("type " + pointer, set(root, pointer, json.numberNode(12))));
            case "integer", "number" -> out.add(new Mutation("type " + pointer, set(root, pointer, json.textNode("12"))));
            case "boolean" -> out.add(new Mutation("type " + pointer, set(root, pointer, json.textNode("true"))));
            case "object" -> out.add(new Mutation("type " + pointer, set(root, pointer, json.textNode("x"))));
            case "array" -> out.add(new Mutation("type " + pointer, set(root, pointer, json.objectNode())));
            default -> { }
        }
        if (schema.has("maxLength")) {
            out.add(new Mutation("maxLength " + pointer, set(root, pointer, json.textNode("a".repeat(schema.get("maxLength").asInt() + 1)))));
        }
        if (schema.path("minLength").asInt(0) > 0) {
            out.add(new Mutation("minLength " + pointer, set(root, pointer,
                    json.textNode("a".repeat(schema.get("minLength").asInt() - 1)))));
        }
        if (schema.has("pattern") && value.isTextual()) {
            out.add(new Mutation("pattern " + pointer, set(root, pointer, json.textNode(value.asText() + "\n"))));
            out.add(new Mutation("pattern " + pointer, set(root, pointer, json.textNode("!" + value.asText()))));
        }
        if (schema.has("enum")) {
            out.add(new Mutation("enum " + pointer, set(root, pointer, json.textNode("not-in-the-enum"))));
        }
        if (schema.has("minimum")) {
            out.add(new Mutation("minimum " + pointer, set(root, pointer, json.numberNode(schema.get("minimum").asLong() - 1))));
        }
        if (schema.has("maximum")) {
            out.add(new Mutation("maximum " + pointer, set(root, pointer, json.numberNode(schema.get("maximum").asLong() + 1))));
        }
        if (schema.has("multipleOf") && value.isNumber()) {
            out.add(new Mutation("multipleOf " + pointer, set(root, pointer, json.numberNode(value.asLong() + 1))));
        }
        if ("ipv4".equals(schema.path("format").asText())) {
            out.add(new Mutation("format " + pointer, set(root, pointer, json.textNode("256.1.1.1"))));
        }
    }

    /** The variant of a {@code oneOf} the value's discriminator names (the schema itself otherwise). */
    private JsonNode variant(JsonNode schema, JsonNode value) {
        String property = schema.path("discriminator").path("propertyName").textValue();
        if (property == null || !value.isObject() || !value.path(property).isTextual()) {
            return schema;
        }
        JsonNode ref = schema.path("discriminator").path("mapping").get(value.path(property).asText());
        return ref == null ? schema : contract.ref(ref.asText());
    }

    private static JsonNode set(JsonNode root, String pointer, JsonNode newValue) {
        JsonNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(name, newValue);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(name), newValue);
        }
        return copy;
    }

    private static JsonNode removed(JsonNode root, String pointer, String property) {
        JsonNode copy = root.deepCopy();
        ((ObjectNode) copy.at(pointer)).remove(property);
        return copy;
    }
}
