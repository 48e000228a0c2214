package io.toastcloud.compute.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Contract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bundled contract as the suites read it: operations with their examples. The suites take
 * their requests, answers and rules from here, so that a new operation, example or constraint
 * in the contract is tested without anyone editing a test.
 */
public final class ContractModel {
    public static final String YAML_RESOURCE = "openapi/toast-compute-openapi.yaml";
    private static final ContractModel BUNDLED = new ContractModel(Contract.bundled().document());

    private final JsonNode doc;
    private final List<Operation> operations = new ArrayList<>();

    /** One operation of the contract. */
    public record Operation(String id, String method, String path, JsonNode node, ContractModel contract) {
        /** The request body's schema name, if the operation has a body. */
        public Optional<String> requestSchema() {
            JsonNode ref = node.at("/requestBody/content/application~1json/schema/$ref");
            return ref.isTextual() ? Optional.of(ref.asText().substring(ref.asText().lastIndexOf('/') + 1)) : Optional.empty();
        }

        /** Named request body examples, in contract order. */
        public Map<String, JsonNode> requestExamples() {
            return contract.examples(node.at("/requestBody/content/application~1json/examples"));
        }

        /** Named answers (the 200's examples), {@code $ref}s followed. */
        public Map<String, JsonNode> responseExamples() {
            return contract.examples(node.at("/responses/200/content/application~1json/examples"));
        }

        /** The answers whose envelope says {@code isSuccessful: true}. */
        public Map<String, JsonNode> successExamples() {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            responseExamples().forEach((name, value) -> {
                if (value.at("/header/isSuccessful").asBoolean(false)) {
                    out.put(name, value);
                }
            });
            return out;
        }

        /** The answers whose envelope says {@code isSuccessful: false}. */
        public Map<String, JsonNode> failureExamples() {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            responseExamples().forEach((name, value) -> {
                if (!value.at("/header/isSuccessful").asBoolean(true)) {
                    out.put(name, value);
                }
            });
            return out;
        }

        /** Path and query parameters, {@code $ref}s followed. */
        public List<JsonNode> parameters() {
            List<JsonNode> out = new ArrayList<>();
            JsonNode item = contract.doc.path("paths").path(path);
            item.path("parameters").forEach(p -> out.add(contract.resolve(p)));
            node.path("parameters").forEach(p -> out.add(contract.resolve(p)));
            return out;
        }

        /** Marked {@code x-idempotent: false}: creates a resource, never to be sent twice. */
        public boolean isCreate() {
            return node.has("x-idempotent") && !node.get("x-idempotent").asBoolean(true);
        }

        public boolean isRead() {
            return "GET".equals(method);
        }

        /** The path with this appkey and placeholder ids filled in. */
        public String concretePath(String appkey) {
            return path.replace("{appkey}", appkey).replaceAll("\\{[^}]+}", "id-1");
        }

        /** A regular expression matching any concrete path of this operation. */
        public String pathRegex() {
            StringBuilder regex = new StringBuilder();
            java.util.regex.Matcher placeholder = Pattern.compile("\\{[^}]+}").matcher(path);
            int last = 0;
            while (placeholder.find()) {
                regex.append(Pattern.quote(path.substring(last, placeholder.start()))).append("[^/?]+");
                last = placeholder.end();
            }
            return regex.append(Pattern.quote(path.substring(last))).toString();
        }
    }

    private ContractModel(JsonNode doc) {
        this.doc = doc;
        doc.path("paths").properties().forEach(path -> {
            for (String method : List.of("get", "post", "put", "delete", "patch")) {
                JsonNode op = path.getValue().path(method);
                if (!op.isMissingNode()) {
                    operations.add(new Operation(op.path("operationId").asText(), method.toUpperCase(), path.getKey(), op, this));
                }
            }
        });
    }

    public static ContractModel bundled() {
        return BUNDLED;
    }

    public JsonNode document() {
        return doc;
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    public Operation operation(String id) {
        return operations.stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + id + " in the contract"));
    }

    public JsonNode schema(String name) {
        return doc.path("components").path("schemas").path(name);
    }

    /** Follows local {@code $ref}s. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 16; hops++) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private Map<String, JsonNode> examples(JsonNode examples) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        examples.properties().forEach(e -> out.put(e.getKey(), resolve(e.getValue()).path("value")));
        return out;
    }

    /** The bundled contract as YAML text, as the independent validator reads it. */
    public static String yaml() {
        try (InputStream in = ContractModel.class.getClassLoader().getResourceAsStream(YAML_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(YAML_RESOURCE + " is not on the classpath (it comes with toast-compute-spec)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
