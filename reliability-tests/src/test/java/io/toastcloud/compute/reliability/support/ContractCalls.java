package io.toastcloud.compute.reliability.support;

import io.toastcloud.compute.testsupport.ContractModel;

import io.toastcloud.compute.reliability.support.Secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.reliability.support.ApiCalls.ApiMethod;
import io.toastcloud.compute.testsupport.ContractModel.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls of the generated API derived from the contract: parameter values for every operation,
 * bodies from its request examples. Every value passes the contract, so a call either reaches
 * the stub or fails for the reason under test.
 */
public final class ContractCalls {
    private ContractCalls() {
    }

    /** One call: a generated method, and the request example its body came from (if any). */
    public record Call(ApiMethod method, String example, Object[] arguments) {
        public Object invoke(ToastComputeClient client) {
            return ApiCalls.invoke(client, method, arguments);
        }

        @Override
        public String toString() {
            return method + (example == null ? "" : " [" + example + "]");
        }
    }

    /**
     * Values of the operation's parameters: {@code appkey} null (the client's own), a secret
     * parameter the planted token id, any other {@code <name>-1}.
     */
    public static Map<String, String> parameterValues(Operation op) {
        Map<String, String> values = new HashMap<>();
        for (JsonNode p : op.parameters()) {
            String name = p.path("name").asText();
            if (!"appkey".equals(name)) {
                values.put(name, p.path("x-secret").asBoolean(false) ? Secrets.TOKEN_ID : name + "-1");
            }
        }
        return values;
    }

    /** The first request example, or null for an operation without a body. */
    public static JsonNode firstExample(Operation op) {
        return op.requestExamples().values().stream().findFirst().orElse(null);
    }

    /** The plain method of the operation, called with its first request example. */
    public static Call plain(Operation op) {
        ApiMethod method = ApiCalls.plain(op.id());
        return new Call(method, null, ApiCalls.arguments(method, parameterValues(op), firstExample(op)));
    }

    /**
     * Every generated method of the operation (plain, WithHttpInfo, the QueryMap overloads),
     * each with every request example of the operation.
     */
    public static List<Call> everyMethodAndExample(Operation op) {
        return everyMethodAndExample(op, false);
    }

    /** As {@link #everyMethodAndExample(Operation)}; with {@code plantSecrets}, secret body properties carry the planted values. */
    public static List<Call> everyMethodAndExample(Operation op, boolean plantSecrets) {
        List<Call> calls = new ArrayList<>();
        Map<String, String> parameters = parameterValues(op);
        for (ApiMethod method : ApiCalls.all()) {
            if (!method.operationId().equals(op.id())) {
                continue;
            }
            if (op.requestExamples().isEmpty()) {
                calls.add(new Call(method, null, ApiCalls.arguments(method, parameters, null)));
            }
            op.requestExamples().forEach((name, body) -> calls.add(new Call(method, name, ApiCalls.arguments(method,
                    parameters, plantSecrets ? ContractAnswers.planted(body) : body))));
        }
        return calls;
    }
}
