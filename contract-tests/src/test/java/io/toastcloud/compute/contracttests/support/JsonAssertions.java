package io.toastcloud.compute.contracttests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.ToastTimestamps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares JSON documents by content. Three differences are not differences to a Java client and
 * are normalised away, and only these: a property that is {@code null} and one that is absent
 * (both read back as {@code null}; the client does not send nulls), the Java type of a number
 * ({@code 1024} as int or long), and the form of a timestamp ({@code 2017-05-16T03:17:50Z} and
 * {@code 2017-05-16T03:17:50.000000} are one {@code Instant}, which the models write in the
 * microsecond form: spec/DECISIONS.md D51). Everything else, every name, value, array order and
 * nesting, must match.
 */
public final class JsonAssertions {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** The contract's {@code Timestamp} pattern: a string of that form is compared as an instant. */
    private static final Pattern TIMESTAMP = Pattern.compile(Contract.bundled().schema("Timestamp").path("pattern").asText());

    private JsonAssertions() {
    }

    public static void assertSameJson(JsonNode expected, JsonNode actual, String what) {
        assertEquals(canonical(expected).toPrettyString(), canonical(actual).toPrettyString(), what);
    }

    /**
     * The JSON pointers at which the two documents differ (after the same normalisations as
     * {@link #assertSameJson}), without their values: for documents that may hold secrets
     * (a token id, a private key), whose values must not reach a test report.
     */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        collectDifferences(canonical(expected), canonical(actual), "", out);
        return out;
    }

    private static void collectDifferences(JsonNode expected, JsonNode actual, String at, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    out.add(pointer + " (only in the second)");
                } else if (!actual.has(name)) {
                    out.add(pointer + " (only in the first)");
                } else {
                    collectDifferences(expected.get(name), actual.get(name), pointer, out);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                collectDifferences(expected.get(i), actual.get(i), at + "/" + i, out);
            }
        } else if (!expected.equals(actual)) {
            out.add((at.isEmpty() ? "/" : at) + " (different " + (expected.getNodeType() == actual.getNodeType()
                    ? "value" : "type: " + expected.getNodeType() + " vs " + actual.getNodeType())
                    + (expected.isArray() && actual.isArray() ? ", " + expected.size() + " vs " + actual.size() + " items" : "")
                    + ")");
        }
    }

    /** Nulls dropped, keys sorted, numbers as plain decimals. */
    static JsonNode canonical(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return NODES.missingNode();
        }
        if (node.isObject()) {
            ObjectNode sorted = NODES.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            for (String name : names) {
                JsonNode value = node.get(name);
                if (!value.isNull()) {
                    sorted.set(name, canonical(value));
                }
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(item -> array.add(canonical(item)));
            return array;
        }
        if (node.isNumber()) {
            return NODES.numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (node.isTextual() && TIMESTAMP.matcher(node.asText()).matches()) {
            return NODES.textNode(ToastTimestamps.format(ToastTimestamps.parse(node.asText())));
        }
        return node;
    }
}
