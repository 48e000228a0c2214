package io.toastcloud.compute.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.toastcloud.compute.testsupport.ContractModel.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A small, fast stand-in for the service on the JDK's HttpServer, for the concurrency and load
 * suites: it issues numbered tokens and counts the requests for them, accepts only tokens it
 * issued and has not revoked (any other gets the contract's token-invalid answer, 50401), and
 * answers every other operation with the contract's success example.
 */
public final class CountingService implements AutoCloseable {
    static {
        // The JDK server writes an answer's headers and body separately; without TCP_NODELAY the
        // body waits for the client's delayed ACK (about 40 ms a call), and the suites would
        // measure that instead of the client. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private record Route(String method, Pattern path, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final ManualClock clock;
    private final String tokenSuffix;
    private final Duration tokenLifetime;
    private final List<Route> routes = new ArrayList<>();
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile String current;
    private volatile long issueDelayMillis;

    /**
     * @param tokenSuffix ends every token id it issues, so that a test can hunt for it in logs
     */
    public CountingService(ManualClock clock, Duration tokenLifetime, int workerThreads, String tokenSuffix) throws IOException {
        this.tokenSuffix = tokenSuffix;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        for (Operation op : ContractModel.bundled().operations()) {
            if (!"issueToken".equals(op.id()) && !op.successExamples().isEmpty()) {
                JsonNode example = op.successExamples().values().iterator().next();
                routes.add(new Route(op.method(), Pattern.compile(op.pathRegex()), example.toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        this.workers = Executors.newFixedThreadPool(workerThreads, r -> {
            Thread t = new Thread(r, "counting-service");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** Token requests so far. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** Calls answered with success (token requests not counted). */
    public long answered() {
        return answered.get();
    }

    /** Calls answered 50401 because their token was revoked or unknown. */
    public long refused() {
        return refused.get();
    }

    /** Makes each token request take this long, to widen the window in which threads race to renew. */
    public void issueDelay(Duration delay) {
        this.issueDelayMillis = delay.toMillis();
    }

    /** The service stops accepting the current token (server-side expiry); the client still thinks it valid. */
    public String revokeCurrent() {
        String revoked = current;
        valid.remove(revoked);
        return revoked;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if ("POST".equals(method) && path.endsWith("/tokens")) {
                respond(exchange, 200, issue());
                return;
            }
            String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
            if (token == null || !valid.contains(token)) {
                refused.incrementAndGet();
                respond(exchange, 200, Envelopes.tokenInvalid().getBytes(StandardCharsets.UTF_8));
                return;
            }
            for (Route route : routes) {
                if (route.method().equals(method) && route.path().matcher(path).matches()) {
                    answered.incrementAndGet();
                    respond(exchange, 200, route.body());
                    return;
                }
            }
            respond(exchange, 404, "no such operation".getBytes(StandardCharsets.UTF_8));
        }
    }

    private byte[] issue() {
        int n = tokenRequests.incrementAndGet();
        if (issueDelayMillis > 0) {
            try {
                Thread.sleep(issueDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String id = "tok-" + n + "-" + tokenSuffix;
        valid.add(id);
        current = id;
        return Envelopes.token(id, clock.instant().plus(tokenLifetime)).getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
