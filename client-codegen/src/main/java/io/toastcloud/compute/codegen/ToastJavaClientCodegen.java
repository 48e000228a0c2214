package io.toastcloud.compute.codegen;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.utils.ModelUtils;

/**
 * openapi-generator's {@code java} generator (library {@code feign}) with two changes to the
 * API methods it writes and one to model properties; everything else (templates, options) is the
 * stock generator's. The maven plugin names this class as its {@code generatorName}.
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
 *       by the {@code api.mustache} override). An operation with two or more optional
 *       parameters gets, instead of the method with every parameter, one that takes a typed query
 *       object ({@value #QUERY_OBJECT_EXTENSION}: {@code ListImagesQueryParams} with one setter
 *       per optional parameter), so no caller writes {@code null} for "not this one". Those
 *       parameters must all be in the query: generation fails otherwise.</li>
 *   <li><b>Timestamps are {@link java.time.Instant}s.</b> A property whose schema (its own or the
 *       one it {@code $ref}s: openapi-generator does not carry a referenced schema's extensions
 *       over) is marked {@value #TIMESTAMP_EXTENSION}{@code : true} becomes a
 *       {@code java.time.Instant} field read and written by the generated
 *       {@value #TIMESTAMP_JSON_CLASS} (the service's offset-less UTC form, spec/DECISIONS.md
 *       D51), through field annotations, so any {@code ObjectMapper} reads it the same way. Its
 *       string {@code pattern} leaves the bean-validation annotations (a {@code @Pattern} on an
 *       {@code Instant} is an error for a validator); the contract still checks the wire form.</li>
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
    /** On an operation with two or more optional (query) parameters: render the query-object method. */
    public static final String QUERY_OBJECT_EXTENSION = "x-toast-query-object";
    /** On an operation: the path prefix the client binds ({@code /v1.0/appkeys/{appkey}}). */
    public static final String BOUND_PREFIX_EXTENSION = "x-toast-client-bound-prefix";

    /** The vendor extension on a string schema that holds one of the service's timestamps. */
    public static final String TIMESTAMP_EXTENSION = "x-timestamp";
    /** The generated class (invoker package) whose Reader/Writer the timestamp fields name. */
    public static final String TIMESTAMP_JSON_CLASS = "ToastTimestampJson";
    /** The Java type of a timestamp property. */
    public static final String TIMESTAMP_TYPE = "java.time.Instant";

    private String boundPrefix;
    private String boundPrefixOperation;

    @Override
    public String getName() {
        return "toast-java";
    }

    @Override
    public void processOpts() {
        super.processOpts();
        String folder = (getSourceFolder() + File.separator + invokerPackage).replace(".", File.separator);
        supportingFiles.add(new SupportingFile(TIMESTAMP_JSON_CLASS + ".mustache", folder, TIMESTAMP_JSON_CLASS + ".java"));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public CodegenProperty fromProperty(String name, Schema p, boolean required, boolean schemaIsFromAdditionalProperties) {
        CodegenProperty property = super.fromProperty(name, p, required, schemaIsFromAdditionalProperties);
        // The generator caches properties by schema: a cached one may have been turned already.
        if (property != null && p != null && !TIMESTAMP_TYPE.equals(property.dataType) && isTimestamp(p)) {
            if (!property.isString) {
                throw new IllegalStateException("property " + name + " is marked " + TIMESTAMP_EXTENSION
                        + " but is not a string: only the service's string timestamps can become Instants");
            }
            asTimestamp(property);
        }
        return property;
    }

    /** The property's own schema or the one it {@code $ref}s carries {@code x-timestamp: true}. */
    @SuppressWarnings("rawtypes")
    private boolean isTimestamp(Schema p) {
        if (marked(p)) {
            return true;
        }
        Schema target = ModelUtils.getReferencedSchema(openAPI, p);
        return target != null && target != p && marked(target);
    }

    @SuppressWarnings("rawtypes")
    private static boolean marked(Schema schema) {
        Map<String, Object> ext = schema.getExtensions();
        return ext != null && Boolean.TRUE.equals(ext.get(TIMESTAMP_EXTENSION));
    }

    private void asTimestamp(CodegenProperty property) {
        property.dataType = TIMESTAMP_TYPE;
        property.datatypeWithEnum = TIMESTAMP_TYPE;
        property.baseType = TIMESTAMP_TYPE;
        property.isString = false;
        property.pattern = null;
        String json = invokerPackage + "." + TIMESTAMP_JSON_CLASS;
        property.vendorExtensions.put("x-field-extra-annotation", List.of(
                "@com.fasterxml.jackson.databind.annotation.JsonSerialize(using = " + json + ".Writer.class)",
                "@com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = " + json + ".Reader.class)"));
        property.vendorExtensions.put(TIMESTAMP_EXTENSION, true);
    }

    @Override
    public CodegenOperation fromOperation(String path, String httpMethod, Operation operation, List<Server> servers) {
        CodegenOperation op = super.fromOperation(path, httpMethod, operation, servers);
        bindClientParameters(op);
        List<CodegenParameter> optional = op.allParams.stream().filter(p -> !p.required).toList();
        if (optional.size() > 1) {
            List<CodegenParameter> notQuery = optional.stream().filter(p -> !p.isQueryParam).toList();
            if (!notQuery.isEmpty()) {
                throw new IllegalStateException("operation " + op.operationId + " has " + optional.size()
                        + " optional parameters, and " + names(notQuery) + " not in the query: only query "
                        + "parameters can go in the query object " + getClass().getName() + " writes");
            }
            op.vendorExtensions.put(QUERY_OBJECT_EXTENSION, true);
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
