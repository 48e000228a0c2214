package io.toastcloud.compute.contracttests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bundled contract as the tests read it: plain Jackson over the JSON bundle in the
 * toast-compute-spec jar, independent of the client runtime's own contract reader, so that a bug
 * there cannot hide a gap here. Operations and their named examples, with example {@code $ref}s
 * resolved.
 */
public final class ContractDocument {
    private static final String RESOURCE = "openapi/toast-compute-openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static volatile ContractDocument bundled;

    private final JsonNode root;
    private final List<Operation> operations;

    private ContractDocument(JsonNode root) {
        this.root = root;
        this.operations = Collections.unmodifiableList(readOperations());
    }

    public static ContractDocument bundled() {
        if (bundled == null) {
            try (InputStream in = ContractDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath (toast-compute-spec)");
                }
                bundled = new ContractDocument(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundled;
    }

    public JsonNode root() {
        return root;
    }

    /** Every operation, in the contract's order. */
    public List<Operation> operations() {
        return operations;
    }

    public Operation operation(String operationId) {
        return operations.stream().filter(o -> o.id().equals(operationId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId + " in the contract"));
    }

    /**
     * One operation.
     *
     * @param requestSchema the request body's schema (often a {@code $ref}), missing when there is no body
     * @param requestExamples the request body's named examples (values), empty when it has none
     * @param responseExamples the 200 response's named examples (values), successes and failures
     */
    public record Operation(String id, String method, String path, boolean authenticated, JsonNode requestSchema,
            Map<String, JsonNode> requestExamples, Map<String, JsonNode> responseExamples) {

        public List<String> successExamples() {
            return names(true);
        }

        public List<String> failureExamples() {
            return names(false);
        }

        public JsonNode responseExample(String name) {
            JsonNode value = responseExamples.get(name);
            if (value == null) {
                throw new IllegalArgumentException(id + " has no response example " + name);
            }
            return value;
        }

        private List<String> names(boolean successful) {
            List<String> names = new ArrayList<>();
            responseExamples.forEach((name, value) -> {
                if (value.at("/header/isSuccessful").asBoolean() == successful) {
                    names.add(name);
                }
            });
            return names;
        }
    }

    private List<Operation> readOperations() {
        List<Operation> result = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            JsonNode op = entry.getValue();
            JsonNode security = op.has("security") ? op.get("security") : root.path("security");
            boolean authenticated = security.isArray() && !security.isEmpty();
            result.add(new Operation(op.path("operationId").asText(), entry.getKey().toUpperCase(), path.getKey(),
                    authenticated,
                    op.at("/requestBody/content/application~1json/schema"),
                    examples(op.at("/requestBody/content/application~1json/examples")),
                    examples(op.at("/responses/200/content/application~1json/examples"))));
        }));
        return result;
    }

    private Map<String, JsonNode> examples(JsonNode examples) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        examples.fields().forEachRemaining(e -> values.put(e.getKey(), resolve(e.getValue()).path("value")));
        return Collections.unmodifiableMap(values);
    }

    /** Follows local {@code $ref}s to the node they name. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref") && depth < 10; depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("the bundle has a non-local $ref " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
