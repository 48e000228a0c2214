package io.toastcloud.compute.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The {@code x-rules} vocabulary of the contract (see {@code spec/README.md}). Only the rules
 * that depend on the request alone are checked here; the {@code ...Referenced} rules need the
 * referenced flavor or image and are checked by whoever knows it (the emulator).
 */
final class CrossFieldRule {
    static final Set<String> SUPPORTED = Set.of("mutuallyExclusive", "requiredWith", "notGreaterThan", "withinRange",
            "requiredOneOf");

    private CrossFieldRule() {
    }

    static void check(JsonNode rule, JsonNode object, String path, Collection<Violation> out) {
        String id = rule.path("id").asText();
        String message = rule.path("message").asText();
        if (!applies(rule.path("when"), object)) {
            return;
        }
        switch (rule.path("rule").asText()) {
            case "mutuallyExclusive" -> {
                List<String> present = new ArrayList<>();
                rule.path("fields").forEach(f -> {
                    if (isSet(object, f.asText())) {
                        present.add(f.asText());
                    }
                });
                if (present.size() > 1) {
                    out.add(new Violation(qualify(path, String.join("+", present)), id, message));
                }
            }
            case "requiredWith" -> {
                String field = rule.path("field").asText();
                boolean triggered = false;
                for (JsonNode w : rule.path("with")) {
                    triggered |= isSet(object, w.asText());
                }
                if (triggered && !isSet(object, field)) {
                    out.add(new Violation(qualify(path, field), id, message));
                }
            }
            case "notGreaterThan" -> {
                String field = rule.path("field").asText();
                String other = rule.path("other").asText();
                if (isSet(object, field) && isSet(object, other) && object.get(field).isNumber()
                        && object.get(other).isNumber()
                        && object.get(field).decimalValue().compareTo(object.get(other).decimalValue()) > 0) {
                    out.add(new Violation(qualify(path, field), id, message));
                }
            }
            case "withinRange" -> {
                java.math.BigDecimal min = rule.path("minimum").decimalValue();
                java.math.BigDecimal max = rule.path("maximum").decimalValue();
                for (JsonNode f : rule.path("fields")) {
                    JsonNode v = object.get(f.asText());
                    if (v != null && v.isNumber() && (v.decimalValue().compareTo(min) < 0 || v.decimalValue().compareTo(max) > 0)) {
                        out.add(new Violation(qualify(path, f.asText()), id, message));
                    }
                }
            }
            case "requiredOneOf" -> {
                boolean any = false;
                List<String> names = new ArrayList<>();
                for (JsonNode f : rule.path("fields")) {
                    any |= isSet(object, f.asText());
                    names.add(f.asText());
                }
                if (!any) {
                    out.add(new Violation(qualify(path, String.join("|", names)), id, message));
                }
            }
            default -> {
                // ...Referenced rules: need another resource; not decidable from the request.
            }
        }
    }

    /**
     * A rule with {@code when: {field, in: [...]}} holds only while that field has one of the
     * listed values (the port rules apply to tcp and udp, the ICMP rule to icmp); without
     * {@code when} it always applies.
     */
    private static boolean applies(JsonNode when, JsonNode object) {
        if (when.isMissingNode()) {
            return true;
        }
        JsonNode value = object.get(when.path("field").asText());
        if (value == null || !value.isTextual()) {
            return false;
        }
        for (JsonNode allowed : when.path("in")) {
            if (allowed.asText().equals(value.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSet(JsonNode object, String field) {
        JsonNode v = object.get(field);
        return v != null && !v.isNull();
    }

    private static String qualify(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
