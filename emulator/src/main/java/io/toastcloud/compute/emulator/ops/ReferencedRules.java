package io.toastcloud.compute.emulator.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code x-rules} that need another resource (see spec/README.md): read from the contract,
 * checked against the flavor or image the request names. The client checks the rules that
 * depend on the request alone ({@code RequestValidator}); together they cover every kind the
 * contract uses (ReferencedRulesTest).
 */
public final class ReferencedRules {
    /** The rule kinds checked here. */
    public static final Set<String> SUPPORTED = Set.of("requiredWhenReferenced", "forbiddenWhenReferenced",
            "minimumFromReference", "maxLengthWhenReferenced");

    /** Finds a resource by kind (the rule's {@code reference.resource}, e.g. {@code Image}) and id, as JSON. */
    @FunctionalInterface
    public interface Resources {
        Optional<JsonNode> find(String resource, String id);
    }

    private final Contract contract;

    public ReferencedRules(Contract contract) {
        this.contract = contract;
    }

    /** Every broken rule of {@code body}, a value of the component schema {@code schemaName}. */
    public List<Violation> check(String schemaName, JsonNode body, Resources resources) {
        List<Violation> out = new ArrayList<>();
        walk(contract.schema(schemaName), body, "", resources, out);
        return out;
    }

    private void walk(JsonNode schemaNode, JsonNode value, String path, Resources resources, List<Violation> out) {
        JsonNode schema = contract.resolve(schemaNode);
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                walk(schema.get("items"), item, path + "[" + i++ + "]", resources, out);
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        for (JsonNode rule : schema.path("x-rules")) {
            if (SUPPORTED.contains(rule.path("rule").asText())) {
                evaluate(rule, value, path, resources, out);
            }
        }
        schema.path("properties").fields().forEachRemaining(p ->
                walk(p.getValue(), value.get(p.getKey()), path.isEmpty() ? p.getKey() : path + "." + p.getKey(),
                        resources, out));
    }

    private static void evaluate(JsonNode rule, JsonNode object, String path, Resources resources, List<Violation> out) {
        JsonNode reference = rule.path("reference");
        JsonNode id = at(object, reference.path("field").asText());
        if (!id.isTextual()) {
            return;
        }
        Optional<JsonNode> resource = resources.find(reference.path("resource").asText(), id.asText());
        if (resource.isEmpty()) {
            return; // an unknown flavor or image has its own answer (11404, 30404)
        }
        JsonNode property = at(resource.get(), reference.path("property").asText());
        String field = rule.path("field").asText();
        JsonNode value = at(object, field);
        boolean present = !value.isMissingNode() && !value.isNull();
        String message = rule.path("message").asText();
        boolean broken = switch (rule.path("rule").asText()) {
            case "requiredWhenReferenced" -> holds(reference, property) && !present;
            case "forbiddenWhenReferenced" -> holds(reference, property) && present;
            case "minimumFromReference" -> {
                boolean below = present && value.isNumber() && property.isNumber()
                        && value.decimalValue().compareTo(property.decimalValue()) < 0;
                if (below) {
                    message = message + " (" + reference.path("property").asText() + " " + property.asText() + ")";
                }
                yield below;
            }
            case "maxLengthWhenReferenced" -> holds(reference, property) && present && value.isTextual()
                    && value.asText().codePointCount(0, value.asText().length()) > rule.path("maxLength").asInt();
            default -> false;
        };
        if (broken) {
            out.add(new Violation(path.isEmpty() ? field : path + "." + field, rule.path("id").asText(), message));
        }
    }

    /** Whether the referenced property meets the rule's condition ({@code equals}, or {@code present}). */
    private static boolean holds(JsonNode reference, JsonNode property) {
        boolean present = !property.isMissingNode() && !property.isNull();
        if (reference.has("equals")) {
            return present && property.asText().equals(reference.get("equals").asText());
        }
        return present == reference.path("present").asBoolean(true);
    }

    /** The value at a dotted path such as {@code volume.size} or {@code properties.os_type}. */
    private static JsonNode at(JsonNode node, String dotted) {
        JsonNode current = node;
        for (String part : dotted.split("\\.")) {
            current = current.path(part);
        }
        return current;
    }
}
