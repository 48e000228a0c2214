package io.toastcloud.compute.contracttests.emulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates an answer against the bundled contract with Atlassian's swagger-request-validator
 * (2.46.1): independent of the networknt validator inside the client and the emulator, so that
 * a shared mistake there cannot pass unnoticed. One instance for the whole test run: parsing the
 * contract takes a second.
 */
public final class ContractResponseValidator {
    private static final String BUNDLE = "openapi/toast-compute-openapi.yaml";
    private static volatile ContractResponseValidator shared;

    private final OpenApiInteractionValidator validator = OpenApiInteractionValidator
            .createForInlineApiSpecification(bundle())
            // The contract's server URL has a base path (/compute); the emulator serves the bare /v1.0/... paths.
            .withBasePathOverride("/")
            .build();
    /** The same answer to the same request gets the same verdict: waiters poll, and a validation takes milliseconds. */
    private final Map<String, List<String>> verdicts = new ConcurrentHashMap<>();

    private ContractResponseValidator() {
    }

    public static ContractResponseValidator shared() {
        if (shared == null) {
            synchronized (ContractResponseValidator.class) {
                if (shared == null) {
                    shared = new ContractResponseValidator();
                }
            }
        }
        return shared;
    }

    /** The errors the validator reports for this answer (empty when it fits the contract). */
    public List<String> errors(String method, String path, int status, String contentType, String body) {
        return verdicts.computeIfAbsent(method + " " + path + " " + status + " " + contentType + "\n" + body,
                key -> validate(method, path, status, contentType, body));
    }

    private List<String> validate(String method, String path, int status, String contentType, String body) {
        SimpleResponse response = SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body).build();
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response);
        List<String> errors = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                errors.add("[" + m.getKey() + "] " + m.getMessage().replaceAll("\\s+", " ") + " " + m.getNestedMessages());
            }
        }
        return List.copyOf(errors);
    }

    private static String bundle() {
        try (InputStream in = ContractResponseValidator.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + " is not on the test classpath (toast-compute-spec)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
