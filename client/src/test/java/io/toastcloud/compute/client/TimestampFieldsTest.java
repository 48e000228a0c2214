package io.toastcloud.compute.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.OperationInfo;
import io.toastcloud.compute.contract.RequestValidator;
import io.toastcloud.compute.contract.ToastTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every property the contract marks {@code x-timestamp} is an {@link Instant} in the Java models,
 * read from every response example of the contract, and written back in the service's form.
 * Driven by the contract: a new timestamp field or example is checked without touching this test.
 */
class TimestampFieldsTest {
    private static final Contract CONTRACT = Contract.bundled();
    private static final ObjectMapper MAPPER = ToastComputeClient.objectMapper();
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final Pattern SERVICE_FORM = Pattern.compile(CONTRACT.schema("Timestamp").path("pattern").asText());

    /** {@code Token.expires}, ...: every object property whose schema (or its $ref) says x-timestamp. */
    private static Set<String> timestampProperties() {
        Set<String> found = new TreeSet<>();
        CONTRACT.document().path("components").path("schemas").fields().forEachRemaining(schema ->
                schema.getValue().path("properties").fields().forEachRemaining(p -> {
                    if (CONTRACT.resolve(p.getValue()).path("x-timestamp").asBoolean(false)) {
                        found.add(schema.getKey() + "." + p.getKey());
                    }
                }));
        return found;
    }

    /** Each 200 example of each operation, with the name of its response schema. */
    private static List<Map.Entry<String, JsonNode>> responseExamples() {
        List<Map.Entry<String, JsonNode>> examples = new ArrayList<>();
        for (OperationInfo op : CONTRACT.operations().values()) {
            String schema = op.responseSchemaName().orElse(null);
            if (schema == null) {
                continue;
            }
            JsonNode operation = CONTRACT.document().path("paths").path(op.path()).path(op.method().toLowerCase());
            operation.path("responses").path("200").path("content").path("application/json").path("examples")
                    .elements().forEachRemaining(e -> examples.add(Map.entry(schema, CONTRACT.resolve(e).path("value"))));
        }
        return examples;
    }

    @Test
    void everyTimestampOfEveryExampleReadsAsTheInstantItNames() throws Exception {
        Set<String> expected = timestampProperties();
        assertFalse(expected.isEmpty(), "the contract marks no x-timestamp property");
        Set<String> seen = new TreeSet<>();
        for (Map.Entry<String, JsonNode> example : responseExamples()) {
            Object model = MAPPER.treeToValue(example.getValue(), modelClass(example.getKey()));
            walk(example.getKey(), example.getValue(), model, seen);
        }
        assertEquals(expected, seen, "x-timestamp properties with a value in some example, read as Instant");
    }

    /** Compares the example's JSON with the model read from it, along the contract's schema. */
    private static void walk(String schemaName, JsonNode json, Object model, Set<String> seen) throws Exception {
        JsonNode schema = CONTRACT.schema(schemaName);
        Map<String, BeanPropertyDefinition> properties = javaProperties(model.getClass());
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode declared = schema.path("properties").path(field.getKey());
            BeanPropertyDefinition property = properties.get(field.getKey());
            if (declared.isMissingNode() || property == null || field.getValue().isNull()) {
                continue;
            }
            Object value = property.getAccessor().getValue(model);
            String where = schemaName + "." + field.getKey();
            if (CONTRACT.resolve(declared).path("x-timestamp").asBoolean(false)) {
                Instant instant = assertInstanceOf(Instant.class, value, where);
                assertEquals(ToastTimestamps.parse(field.getValue().asText()), instant, where);
                seen.add(where);
            } else if (declared.has("$ref") && field.getValue().isObject()) {
                walk(name(declared), field.getValue(), value, seen);
            } else if (declared.path("items").has("$ref") && field.getValue().isArray()) {
                List<?> items = (List<?>) value;
                for (int i = 0; i < items.size(); i++) {
                    walk(name(declared.path("items")), field.getValue().get(i), items.get(i), seen);
                }
            }
        }
    }

    @Test
    void aReadModelIsWrittenBackInTheServiceFormAndStillMatchesTheContract() throws Exception {
        // As sent: a required nullable field (keyName) is written as null, and null is what it says.
        RequestValidator validator = new RequestValidator(CONTRACT, RequestValidator.Nulls.AS_SENT);
        int timestamps = 0;
        for (Map.Entry<String, JsonNode> example : responseExamples()) {
            Object model = MAPPER.treeToValue(example.getValue(), modelClass(example.getKey()));
            JsonNode written = MAPPER.valueToTree(model);
            assertEquals(List.of(), validator.validateBody(example.getKey(), written), example.getKey() + ": " + written);
            assertEquals(model, MAPPER.treeToValue(written, modelClass(example.getKey())), "read again: " + written);
            timestamps += sameTimestamps(example.getValue(), written);
        }
        assertTrue(timestamps > 0, "no timestamp written back");
    }

    /** Every timestamp-shaped string of {@code original} is at the same place in {@code written}, same instant, service form. */
    private static int sameTimestamps(JsonNode original, JsonNode written) {
        int count = 0;
        if (original.isTextual() && SERVICE_FORM.matcher(original.asText()).matches()) {
            assertTrue(SERVICE_FORM.matcher(written.asText()).matches(), written.asText());
            assertFalse(written.asText().endsWith("Z"), "written without an offset, as the service does: " + written);
            assertEquals(ToastTimestamps.parse(original.asText()), ToastTimestamps.parse(written.asText()));
            if (original.asText().length() == 26) { // the microsecond form the service writes comes back identical
                assertEquals(original.asText(), written.asText());
            }
            return 1;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isNull()) {
                count += sameTimestamps(field.getValue(), written.path(field.getKey()));
            }
        }
        for (int i = 0; original.isArray() && i < original.size(); i++) {
            count += sameTimestamps(original.get(i), written.path(i));
        }
        return count;
    }

    @Test
    void aRequestWithAnInstantIsWrittenInTheServiceForm() throws Exception {
        Instant at = Instant.parse("2017-05-16T02:17:50.166563Z");
        JsonNode written = MAPPER.valueToTree(new io.toastcloud.compute.model.Keypair().name("k").createdAt(at));
        assertEquals("2017-05-16T02:17:50.166563", written.path("createdAt").asText());
        assertEquals("2017-05-16T03:17:50.000000", MAPPER.valueToTree(new io.toastcloud.compute.model.Token()
                .expires(ToastTimestamps.parse("2017-05-16T03:17:50Z"))).path("expires").asText());
        assertNull(MAPPER.readValue("{\"createdAt\":null}", io.toastcloud.compute.model.Keypair.class).getCreatedAt());
    }

    private static String name(JsonNode ref) {
        String text = ref.path("$ref").asText();
        assertTrue(text.startsWith(SCHEMA_REF), text);
        return text.substring(SCHEMA_REF.length());
    }

    private static Map<String, BeanPropertyDefinition> javaProperties(Class<?> type) {
        Map<String, BeanPropertyDefinition> byJsonName = new java.util.HashMap<>();
        for (BeanPropertyDefinition p : MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type)).findProperties()) {
            byJsonName.put(p.getName(), p);
        }
        return byJsonName;
    }

    static Class<?> modelClass(String schemaName) throws ClassNotFoundException {
        return Class.forName("io.toastcloud.compute.model." + schemaName);
    }
}
