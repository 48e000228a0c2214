package io.toastcloud.compute.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a body schema's checkable {@code x-rules} are, laid out as the schema nests them: the
 * rules of this level, and the properties, array items and {@code oneOf} variants (chosen by the
 * value of the schema's {@code discriminator} property, through its {@code mapping}) below which
 * there are any. Worked out once per schema, so that checking
 * a body only visits the parts of it that carry a rule, instead of walking the schema with every
 * call; a schema without such rules (most of them) costs nothing to check.
 *
 * <p>Rules the client cannot decide from the request alone (the {@code ...Referenced} ones, see
 * {@link CrossFieldRule}) are left out. A schema that refers back to itself is followed once.
 */
final class RulePlan {
    static final RulePlan NONE = new RulePlan(List.of(), Map.of(), null, null, Map.of());

    private final List<JsonNode> rules;
    private final Map<String, RulePlan> properties;
    private final RulePlan items;
    /** The discriminator property, when there are variants to choose from. */
    private final String discriminator;
    private final Map<String, RulePlan> variants;

    private RulePlan(List<JsonNode> rules, Map<String, RulePlan> properties, RulePlan items,
            String discriminator, Map<String, RulePlan> variants) {
        this.rules = rules;
        this.properties = properties;
        this.items = items;
        this.discriminator = discriminator;
        this.variants = variants;
    }

    static RulePlan of(Contract contract, JsonNode schema) {
        return of(contract, schema, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static RulePlan of(Contract contract, JsonNode schemaNode, Set<JsonNode> onPath) {
        JsonNode schema = contract.resolve(schemaNode);
        if (!onPath.add(schema)) {
            return NONE;
        }
        try {
            List<JsonNode> rules = new ArrayList<>();
            for (JsonNode rule : schema.path("x-rules")) {
                if (CrossFieldRule.SUPPORTED.contains(rule.path("rule").asText())) {
                    rules.add(rule);
                }
            }
            Map<String, RulePlan> properties = new LinkedHashMap<>();
            schema.path("properties").fields().forEachRemaining(p -> {
                RulePlan below = of(contract, p.getValue(), onPath);
                if (!below.isEmpty()) {
                    properties.put(p.getKey(), below);
                }
            });
            RulePlan items = schema.has("items") ? of(contract, schema.get("items"), onPath) : NONE;
            String discriminator = schema.path("discriminator").path("propertyName").textValue();
            Map<String, RulePlan> variants = new LinkedHashMap<>();
            schema.path("discriminator").path("mapping").fields().forEachRemaining(m -> {
                RulePlan below = of(contract, contract.ref(m.getValue().asText()), onPath);
                if (!below.isEmpty()) {
                    variants.put(m.getKey(), below);
                }
            });
            RulePlan plan = new RulePlan(List.copyOf(rules), Collections.unmodifiableMap(properties),
                    items.isEmpty() ? null : items, variants.isEmpty() ? null : discriminator, Map.copyOf(variants));
            return plan.isEmpty() ? NONE : plan;
        } finally {
            onPath.remove(schema);
        }
    }

    boolean isEmpty() {
        return rules.isEmpty() && properties.isEmpty() && items == null && variants.isEmpty();
    }

    /** Checks a value (a body, or a part of it at {@code path}) and adds what it breaks to {@code out}. */
    void check(JsonNode value, String path, Collection<Violation> out) {
        if (value == null) {
            return;
        }
        if (value.isArray()) {
            if (items != null) {
                int i = 0;
                for (JsonNode item : value) {
                    items.check(item, path + "[" + i++ + "]", out);
                }
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        for (JsonNode rule : rules) {
            CrossFieldRule.check(rule, value, path, out);
        }
        for (Map.Entry<String, RulePlan> p : properties.entrySet()) {
            p.getValue().check(value.get(p.getKey()), path.isEmpty() ? p.getKey() : path + "." + p.getKey(), out);
        }
        if (discriminator != null) {
            JsonNode chosen = value.get(discriminator);
            RulePlan variant = chosen != null && chosen.isTextual() ? variants.get(chosen.asText()) : null;
            if (variant != null) {
                variant.check(value, path, out);
            }
        }
    }
}
