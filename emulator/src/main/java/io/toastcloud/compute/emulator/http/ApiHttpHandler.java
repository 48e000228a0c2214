package io.toastcloud.compute.emulator.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.toastcloud.compute.contract.OperationInfo;
import io.toastcloud.compute.contract.RequestValidator;
import io.toastcloud.compute.contract.Violation;
import io.toastcloud.compute.emulator.ExchangeObserver;
import io.toastcloud.compute.emulator.api.ApiFailure;
import io.toastcloud.compute.emulator.api.ApiRequest;
import io.toastcloud.compute.emulator.api.Envelopes;
import io.toastcloud.compute.emulator.api.Operation;
import io.toastcloud.compute.emulator.auth.TokenService;
import io.toastcloud.compute.emulator.state.TokenRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request as the contract says: always HTTP 200 with the JSON envelope. In order:
 * route (a method and path of no operation: -7), token ({@code TokenInvalid} 50401, another
 * appkey's: -3), JSON body (malformed: -8), every schema constraint and request-only x-rule
 * of parameters and body (-4, with each broken rule named), then the operation itself.
 */
public final class ApiHttpHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHttpHandler.class);
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    private final Router router;
    private final RequestValidator validator;
    private final TokenService tokens;
    private final Map<String, Operation> operations;
    private final ObjectMapper mapper;
    private final ObjectMapper strictReader;
    private final ExchangeObserver observer;
    private final String tokenHeader;

    public ApiHttpHandler(Router router, RequestValidator validator, TokenService tokens, Map<String, Operation> operations,
            ObjectMapper mapper, ExchangeObserver observer, String tokenHeader) {
        this.router = router;
        this.validator = validator;
        this.tokens = tokens;
        this.operations = operations;
        this.mapper = mapper;
        this.strictReader = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.observer = observer;
        this.tokenHeader = tokenHeader;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        OperationInfo operation = null;
        Object response;
        int resultCode = 0;
        Router.Match match = router.match(method, path).orElse(null);
        if (match != null) {
            operation = match.operation();
        }
        try {
            byte[] body = readBody(exchange.getRequestBody()); // read (and drain) it in any case: keeps the connection usable
            if (match == null) {
                throw ApiFailure.notSupported(router.knowsPath(path) ? "The method " + method
                        + " is not supported on this path." : "No operation of the API has this path.");
            }
            response = answer(match, exchange, body);
        } catch (ApiFailure failure) {
            response = Envelopes.failure(failure);
            resultCode = failure.resultCode();
        } catch (RuntimeException unexpected) {
            LOG.error("{} {} failed", method, path, unexpected);
            ApiFailure failure = ApiFailure.unknown();
            response = Envelopes.failure(failure);
            resultCode = failure.resultCode();
        }
        byte[] bytes = mapper.writeValueAsBytes(response);
        String operationId = operation == null ? null : operation.operationId();
        LOG.debug("{} {} ({}) -> {} in {} ms", method, operation == null ? path : operation.path(),
                operationId == null ? "no operation" : operationId, resultCode, (System.nanoTime() - started) / 1_000_000);
        // Before the answer leaves: whoever receives it can rely on the observer having seen it.
        notify(new ExchangeObserver.Exchange(method, path, operationId, 200, CONTENT_TYPE, bytes, resultCode));
        try {
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            if ("HEAD".equals(method)) {
                exchange.sendResponseHeaders(200, -1); // a HEAD answer has no body
                return;
            }
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }

    private Object answer(Router.Match match, HttpExchange exchange, byte[] rawBody) {
        OperationInfo op = match.operation();
        match.requireDecoded();
        String appkey = match.pathParameters().get("appkey");
        TokenRecord token = op.authenticated() ? tokens.authenticate(singleToken(exchange), appkey) : null;
        Map<String, String> query = PercentDecoding.query(exchange.getRequestURI().getRawQuery());
        JsonNode body = null;
        if (op.requestSchemaName().isPresent()) {
            RequestBodies.requireJsonMediaType(exchange.getRequestHeaders().get("Content-Type"));
            body = parse(rawBody);
        }
        Map<String, Object> parameters = new HashMap<>(query);
        parameters.putAll(match.pathParameters());
        List<Violation> violations = validator.validate(op, parameters, body);
        if (!violations.isEmpty()) {
            throw ApiFailure.invalidParameters(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
        return operations.get(op.operationId()).handle(new ApiRequest(op, appkey, match.pathParameters(), query, body, token));
    }

    /**
     * The token, when the header is there once. Sent twice, HTTP reads the two as one list
     * ({@code a, b}, RFC 9110 5.3), which is no token id: the token is invalid, as when missing,
     * rather than the first one winning.
     */
    private String singleToken(HttpExchange exchange) {
        List<String> values = exchange.getRequestHeaders().get(tokenHeader);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    /** The body as JSON; null when empty (the validator then says it is required). */
    private JsonNode parse(byte[] raw) {
        if (raw.length == 0) {
            return null;
        }
        // From UTF-8 text, not bytes: given bytes, Jackson would also read UTF-16, UTF-32 and a BOM.
        String text = RequestBodies.utf8Text(raw);
        try {
            return strictReader.readTree(text);
        } catch (JsonProcessingException e) {
            // The location only: the parser's own message quotes the text, which may be a password.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw ApiFailure.jsonParsing("The request body is not valid JSON" + where + ".");
        } catch (IOException e) {
            throw ApiFailure.jsonParsing("The request body cannot be read.");
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                throw ApiFailure.invalidParameters("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
            }
            return bytes;
        }
    }

    private void notify(ExchangeObserver.Exchange exchange) {
        try {
            observer.exchanged(exchange);
        } catch (RuntimeException e) {
            LOG.warn("the exchange observer failed on {}", exchange, e);
        }
    }
}
