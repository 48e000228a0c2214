package io.toastcloud.compute.emulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.contract.OperationInfo;
import io.toastcloud.compute.emulator.state.TokenRecord;
import java.util.Map;

/**
 * A request that has been routed, authenticated and validated against the contract.
 *
 * @param operation the contract operation
 * @param appkey the {@code appkey} path parameter
 * @param pathParameters path parameters by name
 * @param query query parameters by name
 * @param body the JSON body, or null for operations without one
 * @param token the caller's token, or null for {@code issueToken}
 */
public record ApiRequest(OperationInfo operation, String appkey, Map<String, String> pathParameters,
        Map<String, String> query, JsonNode body, TokenRecord token) {

    public String path(String name) {
        return pathParameters.get(name);
    }

    /** A query parameter, or null when absent. */
    public String query(String name) {
        return query.get(name);
    }

    /** The body as a generated model (it was validated, so it binds). */
    public <T> T body(Class<T> type, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw ApiFailure.invalidParameters("the body does not fit " + type.getSimpleName());
        }
    }
}
