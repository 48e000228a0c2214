package io.toastcloud.compute.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.toastcloud.compute.contract.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request against the contract before it is sent: every schema keyword of its
 * parameters and body (with an OpenAPI 3.0 JSON Schema validator, networknt), and then the
 * cross-field {@code x-rules} that JSON Schema cannot say. Reports every violation, each
 * naming the field and the rule, never the value.
 *
 * <p>Schemas are compiled on first use and kept; {@link #of(Contract)} shares one validator, and
 * so its compiled schemas, between all clients of a contract.
 */
public final class RequestValidator {
    private static final Map<Contract, RequestValidator> SHARED = new ConcurrentHashMap<>();

    private final Contract contract;
    private final Nulls nulls;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, BodyPlan> bodyPlans = new ConcurrentHashMap<>();
    private final Map<JsonNode, JsonSchema> parameterSchemas = new ConcurrentHashMap<>();
    private volatile JsonSchema document;

    /** The validator of this contract, shared by every client that uses it. */
    public static RequestValidator of(Contract contract) {
        return SHARED.computeIfAbsent(contract, RequestValidator::new);
    }

    /** What a JSON {@code null} in a body is taken for. */
    public enum Nulls {
        /**
         * An absent field: the generated models write an unset required field as {@code null}
         * (and never send an unset optional one), so "is required" is the message that helps a
         * caller of the client. The client validates this way.
         */
        AS_ABSENT,
        /**
         * What was sent, judged by the contract: a {@code null} is valid only where the schema
         * says {@code nullable: true}. Whoever judges a request it received (the emulator) must
         * validate this way, or a {@code null} the contract forbids slips through as "not given".
         */
        AS_SENT
    }

    /** A validator that takes a {@code null} for an absent field ({@link Nulls#AS_ABSENT}), as the client does. */
    public RequestValidator(Contract contract) {
        this(contract, Nulls.AS_ABSENT);
    }

    public RequestValidator(Contract contract, Nulls nulls) {
        this.contract = contract;
        this.nulls = nulls;
        // The contract's own keywords (x-rules, x-secret, example, ...) are annotations to the
        // schema validator: known, not validated here, and not worth a WARN line each.
        com.networknt.schema.JsonMetaSchema dialect = com.networknt.schema.JsonMetaSchema.builder(OpenApi30.getInstance())
                .unknownKeywordFactory((keyword, context) -> new com.networknt.schema.AnnotationKeyword(keyword))
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .metaSchema(dialect)
                .defaultMetaSchemaIri(dialect.getIri()));
        this.config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .regularExpressionFactory(EcmaPatterns.INSTANCE)
                .pathType(com.networknt.schema.PathType.JSON_PATH)
                .build();
    }

    /**
     * @param operation the operation being called
     * @param parameters values of path and query parameters by name (absent or null when not given)
     * @param body the request body as a JSON tree, or null when there is none
     */
    public List<Violation> validate(OperationInfo operation, Map<String, ?> parameters, JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        for (ParameterInfo p : operation.parameters()) {
            Object value = parameters.get(p.name());
            if (value == null) {
                if (p.required()) {
                    violations.add(new Violation(p.name(), "required", "is a required " + p.in() + " parameter"));
                }
                continue;
            }
            JsonSchema schema = parameterSchemas.computeIfAbsent(p.schema(), s -> factory.getSchema(s, config));
            for (ValidationMessage m : schema.validate(asJson(p.schema(), String.valueOf(value)))) {
                violations.add(new Violation(p.name(), m.getType(), describe(m)));
            }
        }
        operation.requestSchemaName().ifPresent(name -> {
            if (body == null || body.isNull() || body.isMissingNode()) {
                violations.add(new Violation("(body)", "required", "the request body is required"));
                return;
            }
            violations.addAll(validateBody(name, body));
        });
        return violations;
    }

    /** Validates a body against the named component schema, then its {@code x-rules}. */
    public List<Violation> validateBody(String schemaName, JsonNode sent) {
        // AS_ABSENT: a null is validated as an absent field (see Nulls); AS_SENT: as it is.
        JsonNode body = nulls == Nulls.AS_ABSENT && hasNull(sent) ? withoutNulls(sent) : sent;
        BodyPlan plan = bodyPlans.computeIfAbsent(schemaName, this::plan);
        List<Violation> violations = new ArrayList<>();
        if (plan.discriminator() != null) {
            Violation unknownVariant = plan.discriminator().unknownValue(body);
            if (unknownVariant != null) {
                // "oneOf failed" says nothing useful when the discriminator names no variant at all.
                violations.add(unknownVariant);
                return violations;
            }
        }
        Set<ValidationMessage> found = plan.schema().validate(body);
        if (!found.isEmpty()) {
            List<ValidationMessage> messages = new ArrayList<>(found);
            messages.sort(Comparator.comparing(m -> m.getInstanceLocation().toString()));
            for (ValidationMessage m : messages) {
                violations.add(new Violation(field(m), m.getType(), describe(m)));
            }
        }
        plan.rules().check(body, "", violations);
        return violations;
    }

    /** What checking a body of one schema needs, worked out on its first use. */
    private record BodyPlan(JsonSchema schema, Discriminator discriminator, RulePlan rules) {
    }

    private BodyPlan plan(String schemaName) {
        JsonSchema schema = document().getRefSchema(
                new JsonNodePath(PathType.JSON_POINTER).append("components").append("schemas").append(schemaName));
        JsonNode node = contract.schema(schemaName);
        return new BodyPlan(schema, Discriminator.of(node), RulePlan.of(contract, node));
    }

    /** For a {@code oneOf} with a discriminator: the property, and the values that name a variant. */
    private record Discriminator(String property, List<String> names) {
        static Discriminator of(JsonNode schema) {
            JsonNode discriminator = schema.path("discriminator");
            if (!schema.has("oneOf") || discriminator.isMissingNode()) {
                return null;
            }
            List<String> names = new ArrayList<>();
            discriminator.path("mapping").fieldNames().forEachRemaining(names::add);
            return new Discriminator(discriminator.path("propertyName").asText(), List.copyOf(names));
        }

        /** The discriminator's value must name a mapped variant; null when it does. */
        Violation unknownValue(JsonNode body) {
            if (!body.isObject()) {
                return null;
            }
            JsonNode value = body.get(property);
            if (value == null || !value.isTextual()) {
                return new Violation(property, "required", "is required and must be one of " + names);
            }
            return names.contains(value.asText()) ? null : new Violation(property, "enum", "must be one of " + names);
        }
    }

    /**
     * The whole contract as the schema resource its component schemas and their local
     * {@code $ref}s resolve in, made from the tree {@link Contract} has already read: given a
     * location instead, the validator would read and parse the 160 KB bundle a second time.
     */
    private JsonSchema document() {
        JsonSchema doc = document;
        if (doc == null) {
            synchronized (this) {
                doc = document;
                if (doc == null) {
                    document = doc = factory.getSchema(SchemaLocation.of("classpath:" + Contract.RESOURCE),
                            contract.document(), config);
                }
            }
        }
        return doc;
    }

    /**
     * A parameter's value as the JSON its schema types: on the wire every parameter is text, so
     * {@code limit=10} is validated as the integer 10 and {@code limit=ten} stays text (and fails
     * the schema's type, as it should).
     */
    private static JsonNode asJson(JsonNode schema, String text) {
        String type = schema.path("type").asText();
        try {
            if ("integer".equals(type) && text.matches("-?\\d+")) {
                return JsonNodeFactory.instance.numberNode(new java.math.BigInteger(text));
            }
            if ("number".equals(type)) {
                return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(text));
            }
        } catch (NumberFormatException notANumber) {
            return TextNode.valueOf(text);
        }
        if ("boolean".equals(type) && ("true".equals(text) || "false".equals(text))) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        return TextNode.valueOf(text);
    }

    private static boolean hasNull(JsonNode node) {
        if (node.isNull()) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasNull(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    copy.set(f.getKey(), withoutNulls(f.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(withoutNulls(item)));
            return copy;
        }
        return node;
    }

    /** {@code $.instance.name} becomes {@code instance.name}; a missing property is named itself. */
    private static String field(ValidationMessage m) {
        String location = m.getInstanceLocation().toString();
        String field = location.startsWith("$.") ? location.substring(2) : location.equals("$") ? "" : location;
        if ("required".equals(m.getType()) && m.getProperty() != null) {
            field = field.isEmpty() ? m.getProperty() : field + "." + m.getProperty();
        }
        if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
            field = field.isEmpty() ? m.getProperty() : field + "." + m.getProperty();
        }
        return field.isEmpty() ? "(body)" : field;
    }

    private static String describe(ValidationMessage m) {
        String error = m.getError();
        return error == null ? m.getMessage() : error;
    }

    /** Names of the rules of one kind this validator understands, for tests and docs. */
    public static Set<String> supportedRules() {
        return CrossFieldRule.SUPPORTED;
    }
}
