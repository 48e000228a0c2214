package io.toastcloud.compute.contracttests.prism;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * The contract as Prism 5.14.2 can validate it. A schema that is {@code nullable} and lists
 * {@code null} in its {@code enum} (the OpenAPI 3.0.3 way to accept null in an enum:
 * {@code Protocol}, {@code DiskFormat}) makes Prism skip validating the whole body it is part of
 * (stoplightio/prism#1931, seen here: any {@code createSecurityGroupRule} body, even {@code {}},
 * was accepted). Prism reads {@code nullable: true} as "null is allowed" whatever the enum says,
 * so the {@code null} entry is dropped from such enums and nothing else: for Prism the schema
 * then accepts exactly what the contract accepts, and the body is validated again
 * ({@code RuleContractTest} proves it: a body with {@code protocol: null} and a bad port is
 * refused). The contract itself keeps the 3.0.3 form (DECISIONS.md D7).
 */
final class PrismCompatibleContract {
    private PrismCompatibleContract() {
    }

    /** A copy of {@code contract} with {@code null} removed from the enums of nullable schemas. */
    static JsonNode of(JsonNode contract) {
        JsonNode copy = contract.deepCopy();
        rewrite(copy);
        return copy;
    }

    static int nullableEnums(JsonNode contract) {
        int[] count = {0};
        visit(contract, count);
        return count[0];
    }

    private static void visit(JsonNode node, int[] count) {
        if (isNullableEnumWithNull(node)) {
            count[0]++;
        }
        node.forEach(child -> visit(child, count));
    }

    private static void rewrite(JsonNode node) {
        if (isNullableEnumWithNull(node)) {
            ArrayNode values = (ArrayNode) node.get("enum");
            for (Iterator<JsonNode> it = values.elements(); it.hasNext(); ) {
                if (it.next().isNull()) {
                    it.remove();
                }
            }
        }
        node.forEach(PrismCompatibleContract::rewrite);
    }

    private static boolean isNullableEnumWithNull(JsonNode node) {
        if (!(node instanceof ObjectNode object) || !object.path("nullable").asBoolean() || !object.path("enum").isArray()) {
            return false;
        }
        for (JsonNode value : object.get("enum")) {
            if (value.isNull()) {
                return true;
            }
        }
        return false;
    }

    static byte[] write(JsonNode contract) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(contract);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
