package io.toastcloud.compute.benchmarks;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.benchmarks.server.BenchmarkEndpoint;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.model.FlavorListResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What it costs to make a client instead of keeping one, in a warm JVM (the bundled contract is
 * already parsed): building and closing it, and building it, making one call (which issues a
 * token and compiles that call's schemas) and closing it. The answer to "may I build a client per
 * request?".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ClientLifecycleBenchmark {
    private BenchmarkEndpoint endpoint;

    @Setup(Level.Trial)
    public void setUp() {
        endpoint = BenchmarkEndpoint.open(CannedResponses.fromBundledContract());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        endpoint.close();
    }

    private ToastComputeClient build() {
        return ToastComputeClient.builder()
                .appkey(CannedResponses.APPKEY)
                .credentials(CannedResponses.USERNAME, CannedResponses.API_PASSWORD)
                .endpoint(endpoint.endpoint())
                .build();
    }

    @Benchmark
    public String buildAndClose() {
        try (ToastComputeClient client = build()) {
            return client.appkey();
        }
    }

    @Benchmark
    public FlavorListResponse buildCallAndClose() {
        try (ToastComputeClient client = build()) {
            return client.api(FlavorApi.class).listFlavors();
        }
    }

    /** For tests: the canned server. */
    BenchmarkEndpoint endpointForTests() {
        return endpoint;
    }
}
