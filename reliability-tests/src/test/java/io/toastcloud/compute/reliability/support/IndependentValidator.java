package io.toastcloud.compute.reliability.support;

import io.toastcloud.compute.testsupport.ContractModel;

import io.toastcloud.compute.reliability.support.Secrets;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.toastcloud.compute.testsupport.ContractModel.Operation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;


/**
 * The bundled contract read by an OpenAPI validator that shares no code with the client
 * (Atlassian's swagger-request-validator, on the bundled YAML), judging whole HTTP requests as
 * the client would send them.
 */
public final class IndependentValidator {
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            // The server URL has a base path (/compute); the requests use the bare /v1.0/... paths.
            .createForInlineApiSpecification(ContractModel.yaml()).withBasePathOverride("/").build();

    private IndependentValidator() {
    }

    /**
     * @param parameters path and query parameter values by name ({@code appkey} defaults to the suites' appkey)
     * @param body the JSON body as sent, or null
     */
    public static ValidationReport validate(Operation op, Map<String, String> parameters, String body) {
        String path = op.path();
        Map<String, String> query = new java.util.LinkedHashMap<>();
        for (var p : op.parameters()) {
            String name = p.path("name").asText();
            String value = "appkey".equals(name) && parameters.get(name) == null ? Secrets.APPKEY : parameters.get(name);
            if ("path".equals(p.path("in").asText())) {
                path = path.replace("{" + name + "}", value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if (value != null) {
                query.put(name, value);
            }
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(op.method()), path);
        query.forEach(request::withQueryParam);
        boolean secured = !op.node().has("security") || op.node().path("security").size() != 0;
        if (secured) {
            request.withHeader("X-Auth-Token", "token");
        }
        if (body != null) {
            request.withContentType("application/json").withBody(body);
        }
        return VALIDATOR.validateRequest(request.build());
    }

    /** The report's messages, one a line. */
    public static String describe(ValidationReport report) {
        return report.getMessages().stream().map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n"));
    }
}
