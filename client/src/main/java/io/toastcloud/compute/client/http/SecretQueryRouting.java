package io.toastcloud.compute.client.http;

import feign.Client;
import feign.Request;
import feign.Response;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.OperationInfo;
import io.toastcloud.compute.contract.ParameterInfo;
import java.io.Closeable;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sends the few operations that carry a secret in their query string (the contract's
 * {@code x-secret} query parameters: {@code getToken}'s token id) through the JDK's
 * {@code java.net.http} client, whose only logger that prints URIs this client holds quiet
 * ({@link QuietJdkLoggers}), instead of the chosen transport. Apache HttpClient 5 logs every request line, query included, at DEBUG
 * ({@code MainClientExec}), and that cannot be switched off from code.
 *
 * <p>Kept because a test proves it necessary: sending {@code getToken} through HttpClient 5 (feign-hc5
 * or not), {@code SecretsTest} finds the token id in the line
 * {@code MainClientExec - ex-... executing GET /v1.0/appkeys/.../tokens?id=...} at DEBUG.
 *
 * <p>The quiet client is built on the first such call, not with the client: building a
 * {@code java.net.http.HttpClient} sets up the JDK's default TLS context and loads some 800
 * classes, a third of a cold start that never calls {@code getToken}.
 */
final class SecretQueryRouting implements Client, Closeable {
    private final Client transport;
    private final Supplier<Transports.Built> quietFactory;
    private final Set<String> secretQueryOperations;
    private volatile Transports.Built quiet;
    private volatile boolean closed;

    SecretQueryRouting(Client transport, Supplier<Transports.Built> quietFactory, Contract contract) {
        this.transport = transport;
        this.quietFactory = quietFactory;
        // Loops, not a stream: this runs in every client's start, where the stream and lambda
        // classes' first use costs tens of milliseconds (docs/BENCHMARKS.md "Cold start").
        Set<String> secret = new HashSet<>();
        for (OperationInfo op : contract.operations().values()) {
            for (ParameterInfo p : op.parameters()) {
                if (isSecretQuery(p)) {
                    secret.add(op.operationId());
                }
            }
        }
        this.secretQueryOperations = Set.copyOf(secret);
    }

    private static boolean isSecretQuery(ParameterInfo p) {
        return p.secret() && "query".equals(p.in());
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String operation = Operations.of(request);
        return secretQueryOperations.contains(operation) ? quiet().execute(request, options) : transport.execute(request, options);
    }

    private Client quiet() throws IOException {
        Transports.Built built = quiet;
        if (closed) {
            throw new IOException("the client is closed");
        }
        if (built == null) {
            synchronized (this) {
                if (closed) {
                    throw new IOException("the client is closed");
                }
                built = quiet;
                if (built == null) {
                    quiet = built = quietFactory.get();
                }
            }
        }
        return built.client();
    }

    /** Releases the quiet client's connections, when it was ever built. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (quiet != null) {
            quiet.closer().close();
        }
    }
}
