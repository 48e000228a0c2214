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
    static final Set<String> SUPPORTED = Set.of("mutuallyExclusive", "requiredWith", "notGreaterThan");

    private CrossFieldRule() {
    }

    static void check(JsonNode rule, JsonNode object, String path, Collection<Violation> out) {
        String id = rule.path("id").asText();
        String message = rule.path("message").asText();
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
            default -> {
                // ...Referenced rules: need another resource; not decidable from the request.
            }
        }
    }

    private static boolean isSet(JsonNode object, String field) {
        JsonNode v = object.get(field);
        return v != null && !v.isNull();
    }

    private static String qualify(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
