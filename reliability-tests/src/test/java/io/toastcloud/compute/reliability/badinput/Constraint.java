package io.toastcloud.compute.reliability.badinput;

import io.toastcloud.compute.testsupport.ContractModel;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.testsupport.ContractModel.Operation;

/**
 * One constraint of the contract on one request field: the keyword (a JSON Schema keyword, or
 * {@code x-rules/<kind>}), where it applies, the schema or rule that carries it, and the valid
 * request example a violating request is made from.
 *
 * @param object the object the constraint is declared on (the body for a parameter constraint: unused)
 * @param field the field the constraint is about (for {@code required}, the missing property)
 * @param parameter the parameter name, for a constraint on a path or query parameter; else null
 */
record Constraint(Operation operation, String keyword, Field object, Field field, JsonNode schema, JsonNode rule,
        String exampleName, JsonNode example, String parameter) {

    boolean isRule() {
        return keyword.startsWith("x-rules/");
    }

    /** Identity for de-duplication: the same constraint seen through two examples is one constraint. */
    String key() {
        return operation.id() + " " + keyword + " " + (parameter != null ? "param " + parameter : field)
                + (rule == null ? "" : " " + rule.path("id").asText());
    }

    @Override
    public String toString() {
        return operation.id() + ": " + (parameter != null ? "parameter " + parameter : field) + " " + keyword
                + (rule == null ? "" : " " + rule.path("id").asText());
    }
}
