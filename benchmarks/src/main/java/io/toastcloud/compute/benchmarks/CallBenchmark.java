package io.toastcloud.compute.benchmarks;

import io.toastcloud.compute.benchmarks.contenders.Contender;
import io.toastcloud.compute.benchmarks.contenders.ContenderKind;
import io.toastcloud.compute.benchmarks.server.BenchmarkEndpoint;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.model.FlavorListResponse;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateResponse;
import io.toastcloud.compute.model.InstanceDetailListResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole call, from the method invocation to the decoded, envelope-checked model, against the
 * canned server on loopback. The contender is a JMH parameter: the client on each transport, and
 * the two hand-written JDK baselines. Run the cases through {@link Rounds} to get ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CallBenchmark {
    @Param({"BASELINE_JDK_URL_CONNECTION", "BASELINE_JDK_HTTP_CLIENT", "CLIENT_DEFAULT"})
    public ContenderKind contender;

    private BenchmarkEndpoint endpoint;
    private Contender subject;
    private InstanceCreateRequest createRequest;

    @Setup(Level.Trial)
    public void setUp() {
        CannedResponses responses = CannedResponses.fromBundledContract();
        endpoint = BenchmarkEndpoint.open(responses);
        subject = contender.open(endpoint.endpoint(), responses);
        try {
            createRequest = ToastComputeClient.objectMapper().readValue(responses.createRequest(), InstanceCreateRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        subject.close();
        endpoint.close();
    }

    /** {@code listFlavors}: two flavors, about 0.4 KB. */
    @Benchmark
    public FlavorListResponse smallResponse() {
        return subject.listFlavors();
    }

    /** {@code listInstanceDetails}: 500 instances. */
    @Benchmark
    public InstanceDetailListResponse largeResponse() {
        return subject.listInstanceDetails();
    }

    /** {@code createInstance}: a POST with a JSON body. */
    @Benchmark
    public InstanceCreateResponse create() {
        return subject.createInstance(createRequest);
    }

    /** A token renewal ({@code issueToken}) and then {@code listFlavors}. */
    @Benchmark
    public FlavorListResponse tokenRenewal() {
        return subject.renewTokenThenListFlavors();
    }

    /** {@code listFlavors} from four threads sharing one contender (time per call per thread). */
    @Benchmark
    @Threads(4)
    public FlavorListResponse smallResponseFourThreads() {
        return subject.listFlavors();
    }

    /** For tests: the contender under measurement. */
    public Contender subject() {
        return subject;
    }

    /** For tests: the canned server, when it runs in this JVM. */
    public BenchmarkEndpoint endpoint() {
        return endpoint;
    }
}
