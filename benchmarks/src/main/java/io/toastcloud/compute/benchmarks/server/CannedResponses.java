package io.toastcloud.compute.benchmarks.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The bodies the benchmark server answers with, taken from the contract's own examples (the
 * bundle the spec module puts on the classpath), so every contender decodes exactly what the
 * contract promises. The large answer is the {@code listInstanceDetails} example's instance
 * repeated {@value #LARGE_INSTANCE_COUNT} times with distinct ids and names.
 */
public final class CannedResponses {
    /** The appkey in every benchmark URL. */
    public static final String APPKEY = "bench-appkey";
    public static final String USERNAME = "user@example.com";
    public static final String API_PASSWORD = "bench-api-password";
    public static final int LARGE_INSTANCE_COUNT = 500;

    private static final String BUNDLE = "openapi/toast-compute-openapi.json";

    private final byte[] flavors;
    private final byte[] instanceDetails;
    private final byte[] instanceCreated;
    private final byte[] tokenIssued;
    private final byte[] tokenInvalid;
    private final byte[] createRequest;
    private final String tokenExpires;

    private CannedResponses(JsonNode contract) {
        ObjectMapper json = new ObjectMapper();
        try {
            this.flavors = json.writeValueAsBytes(responseExample(contract, "listFlavors", "success"));
            this.instanceDetails = json.writeValueAsBytes(manyInstances(responseExample(contract, "listInstanceDetails", "success")));
            this.instanceCreated = json.writeValueAsBytes(responseExample(contract, "createInstance", "success"));
            JsonNode token = responseExample(contract, "issueToken", "success");
            this.tokenIssued = json.writeValueAsBytes(token);
            this.tokenExpires = token.at("/access/token/expires").asText();
            this.tokenInvalid = json.writeValueAsBytes(responseExample(contract, "listFlavors", "tokenInvalid"));
            this.createRequest = json.writeValueAsBytes(requestExample(contract, "createInstance", "linuxWithRootVolume"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the examples from the bundled contract on the classpath. */
    public static CannedResponses fromBundledContract() {
        try (InputStream in = CannedResponses.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + " is not on the classpath (it comes with toast-compute-spec)");
            }
            return new CannedResponses(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code listFlavors} success: two flavors (the small answer). */
    public byte[] flavors() {
        return flavors.clone();
    }

    /** {@code listInstanceDetails} success with {@value #LARGE_INSTANCE_COUNT} instances (the large answer). */
    public byte[] instanceDetails() {
        return instanceDetails.clone();
    }

    /** {@code createInstance} success. */
    public byte[] instanceCreated() {
        return instanceCreated.clone();
    }

    /** {@code issueToken} success. */
    public byte[] tokenIssued() {
        return tokenIssued.clone();
    }

    /** The failure every authenticated operation answers when no token was sent (result code 50401). */
    public byte[] tokenInvalid() {
        return tokenInvalid.clone();
    }

    /** The {@code createInstance} request example {@code linuxWithRootVolume}, as JSON. */
    public byte[] createRequest() {
        return createRequest.clone();
    }

    /** {@code access.token.expires} of the issued token ({@code 2017-05-16T03:17:50Z}). */
    public String tokenExpires() {
        return tokenExpires;
    }

    private static JsonNode manyInstances(JsonNode example) {
        ObjectNode envelope = example.deepCopy();
        JsonNode template = example.path("instances").path(0);
        if (!template.isObject()) {
            throw new IllegalStateException("the listInstanceDetails success example has no instance");
        }
        ArrayNode instances = envelope.putArray("instances");
        for (int i = 0; i < LARGE_INSTANCE_COUNT; i++) {
            ObjectNode instance = template.deepCopy();
            instance.put("id", String.format("c8a1d6e4-5f2b-4a39-8e71-%012x", i));
            instance.put("name", String.format("web-%03d", i));
            instances.add(instance);
        }
        return envelope;
    }

    private static JsonNode responseExample(JsonNode contract, String operationId, String name) {
        JsonNode examples = operation(contract, operationId).at("/responses/200/content/application~1json/examples");
        return exampleValue(contract, examples, operationId, name);
    }

    private static JsonNode requestExample(JsonNode contract, String operationId, String name) {
        JsonNode examples = operation(contract, operationId).at("/requestBody/content/application~1json/examples");
        return exampleValue(contract, examples, operationId, name);
    }

    private static JsonNode exampleValue(JsonNode contract, JsonNode examples, String operationId, String name) {
        JsonNode example = examples.path(name);
        if (example.has("$ref")) {
            example = contract.at(example.get("$ref").asText().substring(1));
        }
        JsonNode value = example.path("value");
        if (value.isMissingNode()) {
            throw new IllegalStateException("the contract has no example " + name + " for " + operationId);
        }
        return value;
    }

    private static JsonNode operation(JsonNode contract, String operationId) {
        Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields();
        while (paths.hasNext()) {
            for (JsonNode op : paths.next().getValue()) {
                if (operationId.equals(op.path("operationId").asText())) {
                    return op;
                }
            }
        }
        throw new IllegalStateException("the contract has no operation " + operationId);
    }
}
