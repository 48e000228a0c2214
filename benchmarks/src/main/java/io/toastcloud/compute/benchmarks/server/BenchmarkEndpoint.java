package io.toastcloud.compute.benchmarks.server;

/**
 * Where a benchmark's contenders send their requests: a {@link CannedServer} started in this JVM,
 * or, when the system property {@value #PROPERTY} names one, a server in another process
 * ({@link CannedServerMain}; the round driver's {@code --server=external}).
 */
public final class BenchmarkEndpoint implements AutoCloseable {
    public static final String PROPERTY = "bench.endpoint";

    private final CannedServer local;
    private final String endpoint;

    private BenchmarkEndpoint(CannedServer local, String endpoint) {
        this.local = local;
        this.endpoint = endpoint;
    }

    public static BenchmarkEndpoint open(CannedResponses responses) {
        String external = System.getProperty(PROPERTY);
        if (external != null && !external.isBlank()) {
            return new BenchmarkEndpoint(null, external);
        }
        CannedServer server = CannedServer.start(responses);
        return new BenchmarkEndpoint(server, server.endpoint());
    }

    public String endpoint() {
        return endpoint;
    }

    /** The server, when it runs in this JVM; null when it is external. */
    public CannedServer localServer() {
        return local;
    }

    @Override
    public void close() {
        if (local != null) {
            local.close();
        }
    }
}
