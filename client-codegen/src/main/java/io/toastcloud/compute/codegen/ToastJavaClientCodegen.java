package io.toastcloud.compute.codegen;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.languages.JavaClientCodegen;

/**
 * openapi-generator's {@code java} generator (library {@code feign}) with two changes to the
 * API methods it writes; everything else (models, templates, options) is the stock generator's.
 * The maven plugin names this class as its {@code generatorName}.
 *
 * <ol>
 *   <li><b>Client-bound parameters.</b> A parameter the contract marks
 *       {@value #LOCATION_EXTENSION}{@code : client} (like Azure's
 *       {@code x-ms-parameter-location: client}) is a property of the client, not of a call: it
 *       leaves every method signature, and the part of the path up to and including it
 *       ({@code /v1.0/appkeys/{appkey}}) leaves the request line. The client puts that prefix,
 *       filled in, into the base URL of its Feign targets. Every operation must then share one
 *       prefix, and it may hold no other parameter: generation fails otherwise.</li>
 *   <li><b>No optional argument passed as {@code null}.</b> An operation with one optional
 *       parameter gets a second method without it ({@value #REQUIRED_ONLY_EXTENSION}, rendered
 *       by the {@code api.mustache} override). Two or more optional parameters would need a
 *       parameter object instead; until the contract has such an operation, generation fails on
 *       one, so the surface cannot quietly fall back to positional nulls.</li>
 * </ol>
 */
public class ToastJavaClientCodegen extends JavaClientCodegen {
    /** The vendor extension on a parameter that binds it to the client. */
    public static final String LOCATION_EXTENSION = "x-toast-parameter-location";
    /** On an operation: the request line of the method with every parameter. */
    public static final String REQUEST_LINE_EXTENSION = "x-toast-request-line";
    /** On an operation with an optional parameter: render a method with the required ones only. */
    public static final String REQUIRED_ONLY_EXTENSION = "x-toast-required-only";
    /** On an operation: the request line of the required-only method. */
    public static final String REQUIRED_REQUEST_LINE_EXTENSION = "x-toast-required-request-line";
    /** On an operation: the path prefix the client binds ({@code /v1.0/appkeys/{appkey}}). */
    public static final String BOUND_PREFIX_EXTENSION = "x-toast-client-bound-prefix";

    private String boundPrefix;
    private String boundPrefixOperation;

    @Override
    public String getName() {
        return "toast-java";
    }

    @Override
    public CodegenOperation fromOperation(String path, String httpMethod, Operation operation, List<Server> servers) {
        CodegenOperation op = super.fromOperation(path, httpMethod, operation, servers);
        bindClientParameters(op);
        List<CodegenParameter> optional = op.allParams.stream().filter(p -> !p.required).toList();
        if (optional.size() > 1) {
            throw new IllegalStateException("operation " + op.operationId + " has " + optional.size()
                    + " optional parameters (" + names(optional) + "): give it a parameter object in "
                    + getClass().getName() + " before adding it, so that no caller passes null");
        }
        op.vendorExtensions.put(REQUEST_LINE_EXTENSION, requestLine(op, op.queryParams));
        if (!optional.isEmpty()) {
            op.vendorExtensions.put(REQUIRED_ONLY_EXTENSION, true);
            op.vendorExtensions.put(REQUIRED_REQUEST_LINE_EXTENSION,
                    requestLine(op, op.queryParams.stream().filter(p -> p.required).toList()));
        }
        return op;
    }

    private void bindClientParameters(CodegenOperation op) {
        List<CodegenParameter> bound = op.allParams.stream().filter(ToastJavaClientCodegen::isClientBound).toList();
        if (bound.isEmpty()) {
            return;
        }
        if (bound.size() > 1 || !bound.get(0).isPathParam) {
            throw new IllegalStateException("operation " + op.operationId + ": only one path parameter can be bound to the client ("
                    + LOCATION_EXTENSION + "), found " + names(bound));
        }
        CodegenParameter p = bound.get(0);
        String variable = "{" + p.baseName + "}";
        int at = op.path.indexOf(variable);
        String prefix = op.path.substring(0, at + variable.length());
        if (prefix.indexOf('{') != at) {
            throw new IllegalStateException("operation " + op.operationId + ": the path before " + variable
                    + " holds another parameter (" + op.path + "); the client can bind only a fixed prefix");
        }
        if (boundPrefix == null) {
            boundPrefix = prefix;
            boundPrefixOperation = op.operationId;
        } else if (!boundPrefix.equals(prefix)) {
            throw new IllegalStateException("operation " + op.operationId + " binds the prefix " + prefix + " but "
                    + boundPrefixOperation + " binds " + boundPrefix + ": the client has one base URL per appkey");
        }
        op.path = op.path.substring(prefix.length());
        for (List<CodegenParameter> list : List.of(op.allParams, op.pathParams, op.requiredParams, op.optionalParams,
                op.requiredAndNotNullableParams, op.notNullableParams)) {
            list.removeIf(ToastJavaClientCodegen::isClientBound);
        }
        op.hasOptionalParams = !op.optionalParams.isEmpty();
        op.vendorExtensions.put(BOUND_PREFIX_EXTENSION, prefix);
    }

    private static boolean isClientBound(CodegenParameter p) {
        Map<String, Object> ext = p.vendorExtensions;
        return ext != null && "client".equals(ext.get(LOCATION_EXTENSION));
    }

    /** {@code GET /instances?id={id}}: Feign's request line for the given query parameters. */
    private static String requestLine(CodegenOperation op, List<CodegenParameter> query) {
        StringBuilder line = new StringBuilder(op.httpMethod).append(' ').append(op.path);
        char separator = '?';
        for (CodegenParameter q : query) {
            line.append(separator).append(q.baseName).append("={").append(q.paramName).append('}');
            separator = '&';
        }
        return line.toString();
    }

    private static String names(List<CodegenParameter> params) {
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add(p.baseName));
        return String.join(", ", names);
    }
}
