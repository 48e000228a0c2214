package io.toastcloud.compute.emulator.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.toastcloud.compute.emulator.ExchangeObserver;
import io.toastcloud.compute.emulator.http.Router;
import io.toastcloud.compute.model.HeaderOnlyResponse;
import io.toastcloud.compute.model.ResponseHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the {@link FaultRules} in front of the API handler. A call of an operation some rule
 * covers waits for the latency rules, then gets the first answering rule's fault instead of
 * reaching the API handler: the operation does not run, so nothing changes in the state (as
 * when a gateway refuses a call before it reaches the service). Calls no rule applies to, and
 * paths of no operation, go to the API handler untouched.
 */
public final class FaultingHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FaultingHandler.class);
    private static final String JSON = "application/json;charset=UTF-8";

    private final HttpHandler api;
    private final Router router;
    private final FaultRules rules;
    private final ObjectMapper mapper;
    private final ExchangeObserver observer;

    public FaultingHandler(HttpHandler api, Router router, FaultRules rules, ObjectMapper mapper, ExchangeObserver observer) {
        this.api = api;
        this.router = router;
        this.rules = rules;
        this.mapper = mapper;
        this.observer = observer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (rules.isEmpty()) {
            api.handle(exchange);
            return;
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Router.Match match = router.match(method, path).orElse(null);
        if (match == null) {
            api.handle(exchange);
            return;
        }
        String operationId = match.operation().operationId();
        FaultRules.Decision decision = rules.decide(operationId);
        if (!decision.latency().isZero()) {
            sleep(decision.latency());
        }
        if (decision.answer().isEmpty()) {
            api.handle(exchange);
            return;
        }
        FaultRule rule = decision.answer().get();
        LOG.debug("{} {} ({}): fault rule {} ({})", method, path, operationId, rule.id(), rule.kind().jsonName());
        try {
            drain(exchange.getRequestBody());
            switch (rule.kind()) {
                case RESULT_CODE -> answerResultCode(exchange, method, path, operationId, rule);
                case GATEWAY_ERROR -> answerGatewayPage(exchange, method, rule);
                case DROP_CONNECTION -> { } // closing before any answer was sent closes the connection
                case LATENCY -> throw new IllegalStateException("a latency rule never answers");
            }
        } finally {
            exchange.close();
        }
    }

    private void answerResultCode(HttpExchange exchange, String method, String path, String operationId, FaultRule rule)
            throws IOException {
        byte[] body = mapper.writeValueAsBytes(new HeaderOnlyResponse().header(new ResponseHeader().isSuccessful(false)
                .resultCode(rule.resultCode()).resultMessage(rule.resultMessage())));
        try {
            observer.exchanged(new ExchangeObserver.Exchange(method, path, operationId, 200, JSON, body, rule.resultCode()));
        } catch (RuntimeException e) {
            LOG.warn("the exchange observer failed", e);
        }
        send(exchange, method, 200, JSON, body);
    }

    /** What a load balancer or API gateway shows when the service behind it is down or overloaded. */
    private static void answerGatewayPage(HttpExchange exchange, String method, FaultRule rule) throws IOException {
        int status = rule.httpStatus();
        String title = status == 502 ? "502 Bad Gateway" : "503 Service Temporarily Unavailable";
        String page = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        if (rule.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(rule.retryAfter().toSeconds()));
        }
        send(exchange, method, status, "text/html", page.getBytes(StandardCharsets.US_ASCII));
    }

    private static void send(HttpExchange exchange, String method, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equalsIgnoreCase(method)) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void drain(InputStream in) throws IOException {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static void sleep(Duration latency) {
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
        }
    }
}
