package io.toastcloud.compute.contract;

import java.util.List;
import java.util.Optional;

/**
 * One operation of the contract, as the runtime needs it.
 *
 * @param operationId the contract's operationId, which is also the generated method's name
 * @param method HTTP method, upper case
 * @param path the path template, e.g. {@code /v1.0/appkeys/{appkey}/instances}
 * @param authenticated whether the operation needs {@code X-Auth-Token}
 * @param parameters path and query parameters
 * @param requestSchemaName name of the request body schema, if the operation has a body
 * @param responseSchemaName name of the 200 response schema
 */
public record OperationInfo(String operationId, String method, String path, boolean authenticated,
        List<ParameterInfo> parameters, Optional<String> requestSchemaName, Optional<String> responseSchemaName) {

    /** A read is safe to retry: it changes nothing on the service. */
    public boolean isRead() {
        return "GET".equals(method);
    }
}
