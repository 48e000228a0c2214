package io.toastcloud.compute.contracttests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Adds to a request body the schema defaults of the properties it leaves out. The generated
 * models start with those defaults set (an {@code InstanceCreateSpec} has {@code count = 1}), so
 * the client sends them explicitly; by the contract an absent property and its default mean the
 * same. Comparing the sent body with the example plus its defaults keeps the comparison exact
 * everywhere else.
 */
public final class SchemaDefaults {
    private final ContractDocument contract;

    public SchemaDefaults(ContractDocument contract) {
        this.contract = contract;
    }

    /** A copy of {@code value} with the defaults of {@code schema} filled in where absent. */
    public JsonNode withDefaults(JsonNode schema, JsonNode value) {
        JsonNode copy = value.deepCopy();
        fill(schema, copy, 0);
        return copy;
    }

    private void fill(JsonNode schemaNode, JsonNode value, int depth) {
        if (depth > 32 || schemaNode == null || schemaNode.isMissingNode()) {
            return;
        }
        JsonNode schema = contract.resolve(schemaNode);
        if (value instanceof ObjectNode object) {
            schema.path("properties").fields().forEachRemaining(p -> {
                JsonNode property = contract.resolve(p.getValue());
                if (!object.has(p.getKey()) && property.has("default")) {
                    object.set(p.getKey(), property.get("default").deepCopy());
                } else if (object.has(p.getKey())) {
                    fill(property, object.get(p.getKey()), depth + 1);
                }
            });
        } else if (value != null && value.isArray() && schema.has("items")) {
            value.forEach(item -> fill(schema.get("items"), item, depth + 1));
        }
    }
}
