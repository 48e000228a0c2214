package io.toastcloud.compute.reliability.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.testsupport.ContractModel;
import io.toastcloud.compute.testsupport.ContractModel.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every constraint the contract puts on a request, found by walking each request body schema
 * (along each request example, so oneOf branches are taken as the examples take them) and each
 * parameter. Every keyword met is sorted into: a constraint to break, structure, an annotation,
 * something Java's types already enforce, or a cross-field rule that needs another resource (by
 * design not checked by a client). A keyword in none of these stops the suite: a new kind of
 * constraint needs a way to break it before it can be trusted.
 */
final class ConstraintCatalog {
    /** Keywords that constrain a value: the suite breaks each one. */
    static final Set<String> BREAKABLE = Set.of("required", "minLength", "maxLength", "pattern", "minimum", "maximum",
            "multipleOf", "enum", "minItems", "format", "additionalProperties", "x-rules");
    /** Keywords that shape the schema; their constraints are the keywords inside. */
    static final Set<String> STRUCTURE = Set.of("type", "properties", "items", "$ref", "oneOf", "discriminator");
    /** Keywords that constrain nothing. */
    static final Set<String> ANNOTATIONS = Set.of("description", "example", "examples", "default", "writeOnly",
            "readOnly", "x-secret", "title", "nullable", "deprecated", "externalDocs", "x-timestamp");
    /** Formats: the ones the suite breaks, and the ones Java's types or nothing at all enforce. */
    static final Set<String> BREAKABLE_FORMATS = Set.of("ipv4");
    static final Set<String> TYPE_FORMATS = Set.of("int32", "int64");
    static final Set<String> ANNOTATION_FORMATS = Set.of("password");
    /** Cross-field rules a client enforces (spec/README.md), and those that need the referenced resource. */
    static final Set<String> CLIENT_RULES = Set.of("mutuallyExclusive", "requiredWith", "notGreaterThan");
    static final Set<String> REFERENCED_RULES = Set.of("requiredWhenReferenced", "forbiddenWhenReferenced",
            "minimumFromReference", "maxLengthWhenReferenced");

    private final ContractModel contract = ContractModel.bundled();
    private final Map<String, Constraint> constraints = new LinkedHashMap<>();
    /** What was seen but is not a constraint to break, by category, for the report. */
    final Map<String, Set<String>> typeEnforced = new TreeMap<>();
    final Set<String> referencedRules = new TreeSet<>();
    final List<String> unknown = new ArrayList<>();

    ConstraintCatalog() {
        for (Operation op : contract.operations()) {
            for (JsonNode p : op.parameters()) {
                walkParameter(op, p);
            }
            op.requestSchema().ifPresent(name -> op.requestExamples().forEach((exampleName, example) ->
                    walk(op, contract.schema(name), Field.ROOT, example, exampleName, example)));
        }
    }

    List<Constraint> constraints() {
        return List.copyOf(constraints.values());
    }

    private void add(Constraint c) {
        Constraint existing = constraints.get(c.key());
        // Prefer an example in which the constrained object exists, so the mutation lands in it.
        if (existing == null || existing.example().at(existing.object().pointer()).isMissingNode()
                && !c.example().at(c.object().pointer()).isMissingNode()) {
            constraints.put(c.key(), c);
        }
    }

    private void typed(String category, String where) {
        typeEnforced.computeIfAbsent(category, c -> new TreeSet<>()).add(where);
    }

    private void walkParameter(Operation op, JsonNode p) {
        String name = p.path("name").asText();
        if (p.path("required").asBoolean(false)) {
            add(new Constraint(op, "required", Field.ROOT, Field.ROOT, p, null, null, null, name));
        }
        JsonNode schema = contract.resolve(p.path("schema"));
        schema.fieldNames().forEachRemaining(k -> {
            if ("type".equals(k)) {
                typed("parameter type " + schema.get(k).asText(), op.id() + " " + name);
            } else if (BREAKABLE.contains(k) && !"required".equals(k) && !"additionalProperties".equals(k)) {
                add(new Constraint(op, k, Field.ROOT, Field.ROOT, schema, null, null, null, name));
            } else if (!ANNOTATIONS.contains(k)) {
                unknown.add(op.id() + " parameter " + name + ": " + k);
            }
        });
    }

    private void walk(Operation op, JsonNode node, Field at, JsonNode value, String exampleName, JsonNode example) {
        JsonNode s = contract.resolve(node);
        for (String k : (Iterable<String>) s::fieldNames) {
            JsonNode v = s.get(k);
            switch (k) {
                case "required" -> v.forEach(name -> add(new Constraint(op, "required", at, at.child(name.asText()), s, null,
                        exampleName, example, null)));
                case "additionalProperties" -> {
                    if (v.isBoolean() && !v.asBoolean()) {
                        add(new Constraint(op, k, at, at, s, null, exampleName, example, null));
                    } else if (v.isObject()) {
                        typed("map values of type " + v.path("type").asText(), op.id() + " " + at);
                    }
                }
                case "format" -> {
                    if (BREAKABLE_FORMATS.contains(v.asText())) {
                        add(new Constraint(op, k, at.parent(), at, s, null, exampleName, example, null));
                    } else if (TYPE_FORMATS.contains(v.asText())) {
                        typed("format " + v.asText(), op.id() + " " + at);
                    } else if (!ANNOTATION_FORMATS.contains(v.asText())) {
                        unknown.add(op.id() + " " + at + ": format " + v.asText());
                    }
                }
                case "x-rules" -> v.forEach(rule -> {
                    String kind = rule.path("rule").asText();
                    if (CLIENT_RULES.contains(kind)) {
                        add(new Constraint(op, "x-rules/" + kind, at, at.child(rule.path("field").asText(
                                rule.path("fields").path(0).asText())), s, rule, exampleName, example, null));
                    } else if (REFERENCED_RULES.contains(kind)) {
                        referencedRules.add(op.id() + " " + rule.path("id").asText() + " (" + kind + ")");
                    } else {
                        unknown.add(op.id() + " " + at + ": x-rules kind " + kind);
                    }
                });
                case "type" -> typed("type " + v.asText(), op.id() + " " + at);
                case "properties" -> v.properties().forEach(p -> walk(op, p.getValue(), at.child(p.getKey()),
                        value == null ? null : value.get(p.getKey()), exampleName, example));
                case "items" -> walk(op, v, at.index(0), value != null && value.isArray() && !value.isEmpty() ? value.get(0) : null,
                        exampleName, example);
                case "oneOf" -> {
                    for (JsonNode branch : v) {
                        JsonNode resolved = contract.resolve(branch);
                        JsonNode discriminator = resolved.at("/properties/action/enum/0");
                        if (value != null && discriminator.equals(value.get("action"))) {
                            walk(op, branch, at, value, exampleName, example);
                        }
                    }
                }
                default -> {
                    if (BREAKABLE.contains(k)) {
                        add(new Constraint(op, k, at.isRoot() ? at : at.parent(), at, s, null, exampleName, example, null));
                    } else if (!STRUCTURE.contains(k) && !ANNOTATIONS.contains(k)) {
                        unknown.add(op.id() + " " + at + ": " + k);
                    }
                }
            }
        }
    }
}
