package io.toastcloud.compute.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One operation of a contract, as a reader of its reference page should find it. */
record Operation(String operationId, String method, String path, String summary) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** The operations of an OpenAPI document (JSON), in document order. */
    static List<Operation> of(JsonNode contract) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> pathItem : contract.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : pathItem.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    JsonNode operation = entry.getValue();
                    operations.add(new Operation(operation.path("operationId").asText(),
                            entry.getKey().toUpperCase(Locale.ROOT), pathItem.getKey(),
                            operation.path("summary").asText()));
                }
            }
        }
        return operations;
    }

    static List<Operation> of(Path contractJson) throws IOException {
        return of(new ObjectMapper().readTree(contractJson.toFile()));
    }

    @Override
    public String toString() {
        return operationId + " (" + method + " " + path + ")";
    }
}
