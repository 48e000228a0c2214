package io.toastcloud.compute.emulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks every answer of the emulator against the bundled contract with an independent
 * validator (Atlassian swagger-request-validator, not the networknt validator the emulator
 * uses for requests). An answer to a path the contract does not have cannot be validated
 * against it; it must still be the envelope with -7.
 */
final class ContractResponses implements ExchangeObserver {
    private static final String BUNDLE = "openapi/toast-compute-openapi.yaml";
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(bundle())
            // The server URL has a base path (/compute); the emulator serves the bare /v1.0/... paths.
            .withBasePathOverride("/")
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> VERDICTS = new ConcurrentHashMap<>();

    private final List<String> problems = new ArrayList<>();
    private final AtomicInteger validated = new AtomicInteger();

    @Override
    public void exchanged(Exchange e) {
        String body = new String(e.responseBody(), StandardCharsets.UTF_8);
        if (e.operationId() == null) {
            checkEnvelopeOfUnknownRoute(e, body);
            return;
        }
        // The same answer of the same operation has the same verdict: validate it once (waiters
        // poll, and the validator takes milliseconds an answer).
        List<String> errors = VERDICTS.computeIfAbsent(e.method() + " " + e.operationId() + " " + e.status() + "\n" + body,
                key -> validate(e, body));
        validated.incrementAndGet();
        errors.forEach(error -> problem(e + ": " + error));
    }

    private static List<String> validate(Exchange e, String body) {
        SimpleResponse response = SimpleResponse.Builder.status(e.status()).withContentType(e.contentType())
                .withBody(body).build();
        ValidationReport report = VALIDATOR.validateResponse(e.path(), Request.Method.valueOf(e.method().toUpperCase(Locale.ROOT)),
                response);
        List<String> errors = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                errors.add("[" + m.getKey() + "] " + m.getMessage().replaceAll("\\s+", " ") + " " + m.getNestedMessages());
            }
        }
        return List.copyOf(errors);
    }

    private void checkEnvelopeOfUnknownRoute(Exchange e, String body) {
        try {
            JsonNode header = JSON.readTree(body).path("header");
            if (e.status() != 200 || !header.path("isSuccessful").isBoolean() || header.path("isSuccessful").asBoolean()
                    || header.path("resultCode").asInt() != -7 || !header.path("resultMessage").isTextual()) {
                problem(e + ": an unknown route must answer 200 with a -7 envelope, got " + body);
            }
        } catch (IOException ex) {
            problem(e + ": not JSON: " + body);
        }
        validated.incrementAndGet();
    }

    private synchronized void problem(String text) {
        problems.add(text);
    }

    /** The problems found since the last call (and forgets them), so that each test answers for its own requests. */
    synchronized List<String> drainProblems() {
        List<String> out = new ArrayList<>(problems);
        problems.clear();
        return out;
    }

    int validated() {
        return validated.get();
    }

    private static String bundle() {
        try (InputStream in = ContractResponses.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + " is not on the test classpath (toast-compute-spec)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
