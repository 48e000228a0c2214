package io.toastcloud.compute.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toastcloud.compute.emulator.Durations;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fault rule in the control plane's JSON, both ways:
 * {@code {"operation": "listFlavors", "kind": "gatewayError", "httpStatus": 503, "retryAfter": "2s", "times": 2}}.
 * {@code operation} absent or {@code "*"}: every operation. Every field is checked: an unknown
 * one, one of another kind, or a value of the wrong type is refused naming the field.
 */
final class FaultRuleJson {
    private static final Set<String> COMMON = Set.of("operation", "kind", "times", "probability", "seed");
    private static final Map<FaultKind, Set<String>> OWN = Map.of(
            FaultKind.RESULT_CODE, Set.of("resultCode"),
            FaultKind.LATENCY, Set.of("latency"),
            FaultKind.DROP_CONNECTION, Set.of(),
            FaultKind.GATEWAY_ERROR, Set.of("httpStatus", "retryAfter"));
    private static final List<String> ALL_FIELDS = List.of("operation", "kind", "resultCode", "latency", "httpStatus",
            "retryAfter", "times", "probability", "seed");

    private FaultRuleJson() {
    }

    static FaultRule.Builder parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a fault rule is a JSON object, e.g. "
                    + "{\"operation\":\"listFlavors\",\"kind\":\"gatewayError\",\"httpStatus\":503}");
        }
        String kindName = text(json, "kind");
        if (kindName == null) {
            throw new IllegalArgumentException("'kind' is required: resultCode, latency, dropConnection or gatewayError");
        }
        FaultKind kind = FaultKind.byJsonName(kindName).orElseThrow(() -> new IllegalArgumentException(
                "unknown kind '" + kindName + "': resultCode, latency, dropConnection or gatewayError"));
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ALL_FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'; a fault rule has " + ALL_FIELDS);
            }
            if (!COMMON.contains(name) && !OWN.get(kind).contains(name)) {
                throw new IllegalArgumentException("'" + name + "' does not belong to a " + kind.jsonName() + " rule");
            }
        }
        String operation = text(json, "operation");
        FaultRule.Builder b = operation == null || operation.equals("*") ? FaultRule.onEveryOperation()
                : FaultRule.on(operation);
        switch (kind) {
            case RESULT_CODE -> b.resultCode(required(integer(json, "resultCode"), "resultCode", kind));
            case LATENCY -> b.latency(required(duration(json, "latency"), "latency", kind));
            case DROP_CONNECTION -> b.dropConnection();
            case GATEWAY_ERROR -> {
                int status = required(integer(json, "httpStatus"), "httpStatus", kind);
                Duration retryAfter = duration(json, "retryAfter");
                if (retryAfter == null) {
                    b.gatewayError(status);
                } else {
                    b.gatewayError(status, retryAfter);
                }
            }
        }
        Integer times = integer(json, "times");
        if (times != null) {
            b.times(times);
        }
        if (json.has("probability")) {
            JsonNode p = json.get("probability");
            if (!p.isNumber()) {
                throw new IllegalArgumentException("'probability' must be a number from 0 to 1");
            }
            if (!json.has("seed") || !json.get("seed").canConvertToLong() || !json.get("seed").isIntegralNumber()) {
                throw new IllegalArgumentException("'probability' needs a whole-number 'seed' (the same seed draws the same calls)");
            }
            b.probability(p.asDouble(), json.get("seed").asLong());
        } else if (json.has("seed")) {
            throw new IllegalArgumentException("'seed' is only for a rule with a 'probability'");
        }
        return b;
    }

    static ObjectNode write(FaultRules.Listed listed) {
        FaultRule r = listed.rule();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", r.id());
        json.put("operation", r.operation() == null ? "*" : r.operation());
        json.put("kind", r.kind().jsonName());
        if (r.resultCode() != null) {
            json.put("resultCode", r.resultCode());
            json.put("resultMessage", r.resultMessage());
        }
        if (r.latency() != null) {
            json.put("latency", r.latency().toMillis() + "ms");
        }
        if (r.httpStatus() != null) {
            json.put("httpStatus", r.httpStatus());
        }
        if (r.retryAfter() != null) {
            json.put("retryAfter", r.retryAfter().toSeconds() + "s");
        }
        if (r.times() != null) {
            json.put("times", r.times());
            json.put("remaining", listed.remaining());
        }
        if (r.seed() != null) {
            json.put("probability", r.probability());
            json.put("seed", r.seed());
        }
        json.put("applied", listed.applied());
        return json;
    }

    private static <T> T required(T value, String field, FaultKind kind) {
        if (value == null) {
            throw new IllegalArgumentException("a " + kind.jsonName() + " rule needs '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return v.asText();
    }

    private static Integer integer(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isInt()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        return v.asInt();
    }

    private static Duration duration(JsonNode json, String field) {
        String text = text(json, field);
        if (text == null) {
            return null;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + field + "': " + e.getMessage());
        }
    }
}
