package io.toastcloud.compute.emulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The independent judge of a request: Atlassian swagger-request-validator on the bundled YAML
 * (not the networknt validator the emulator judges with). What it calls an error breaks the
 * contract's schemas; it knows nothing of {@code x-rules}, which only ever make the emulator
 * stricter.
 */
final class ContractRequests {
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(bundle())
            .withBasePathOverride("/")
            .build();

    private ContractRequests() {
    }

    /** The contract's objections to the request (empty: valid). Path and query values must be plain (no escapes). */
    static List<String> violations(String method, String path, Map<String, String> query, String token, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
        query.forEach(request::withQueryParam);
        if (token != null) {
            request.withHeader("X-Auth-Token", token);
        }
        if (body != null) {
            request.withContentType("application/json").withBody(body);
        }
        ValidationReport report = VALIDATOR.validateRequest(request.build());
        List<String> errors = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                errors.add("[" + m.getKey() + "] " + m.getMessage().replaceAll("\\s+", " "));
            }
        }
        return errors;
    }

    private static String bundle() {
        try (InputStream in = ContractRequests.class.getClassLoader().getResourceAsStream("openapi/toast-compute-openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the bundled contract is not on the test classpath (toast-compute-spec)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
