package io.toastcloud.compute.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import feign.jackson.JacksonDecoder;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.client.error.ServiceExceptions;
import io.toastcloud.compute.client.http.EnvelopeDecoder;
import io.toastcloud.compute.model.FlavorListResponse;
import io.toastcloud.compute.model.InstanceDetailListResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding alone, no network: feign-jackson's {@link JacksonDecoder} (Jackson through a Reader)
 * against the client's {@link EnvelopeDecoder} (Jackson on the byte stream, plus the envelope
 * check), and plain Jackson on the bytes as the floor. Chooses the client's decoder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DecodeBenchmark {
    private static final Request REQUEST = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/",
            Map.<String, Collection<String>>of(), null, StandardCharsets.UTF_8, null);

    @Param({"large", "small"})
    public String body;

    private final ObjectMapper mapper = ToastComputeClient.objectMapper();
    private final JacksonDecoder feignJackson = new JacksonDecoder(mapper);
    private final EnvelopeDecoder envelope = new EnvelopeDecoder(mapper, new ServiceExceptions(Contract.bundled()));
    private byte[] bytes;
    private Type type;

    @Setup
    public void setUp() {
        CannedResponses responses = CannedResponses.fromBundledContract();
        boolean large = "large".equals(body);
        bytes = large ? responses.instanceDetails() : responses.flavors();
        type = large ? InstanceDetailListResponse.class : FlavorListResponse.class;
    }

    @Benchmark
    public Object feignJacksonDecoder() throws IOException {
        return feignJackson.decode(response(), type);
    }

    @Benchmark
    public Object envelopeDecoder() throws IOException {
        return envelope.decode(response(), type);
    }

    @Benchmark
    public Object jacksonOnBytes() throws IOException {
        return mapper.readValue(new ByteArrayInputStream(bytes), mapper.constructType(type));
    }

    private Response response() {
        return Response.builder().status(200).request(REQUEST).headers(Map.of()).body(bytes).build();
    }
}
