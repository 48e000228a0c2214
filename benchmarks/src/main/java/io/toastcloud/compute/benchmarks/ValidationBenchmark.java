package io.toastcloud.compute.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.OperationInfo;
import io.toastcloud.compute.contract.RequestValidator;
import io.toastcloud.compute.contract.Violation;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.TokenAuth;
import io.toastcloud.compute.model.TokenIssueRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the client's contract validation costs per call, on its own: the same steps as
 * {@code ContractInvocationHandlerFactory} (the body turned into a tree, then parameters and body
 * checked by {@link RequestValidator}), and, for scale, encoding the body to bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ValidationBenchmark {
    private final ObjectMapper mapper = ToastComputeClient.objectMapper();
    private final Contract contract = Contract.bundled();
    private final RequestValidator validator = new RequestValidator(contract);
    private final Map<String, Object> appkey = Map.of("appkey", CannedResponses.APPKEY);
    private OperationInfo createInstance;
    private OperationInfo listFlavors;
    private OperationInfo issueToken;
    private InstanceCreateRequest createRequest;
    private TokenIssueRequest tokenRequest;

    @Setup
    public void setUp() throws IOException {
        createInstance = contract.operation("createInstance").orElseThrow();
        listFlavors = contract.operation("listFlavors").orElseThrow();
        issueToken = contract.operation("issueToken").orElseThrow();
        createRequest = mapper.readValue(CannedResponses.fromBundledContract().createRequest(), InstanceCreateRequest.class);
        tokenRequest = new TokenIssueRequest().auth(new TokenAuth()
                .username(CannedResponses.USERNAME).password(CannedResponses.API_PASSWORD));
    }

    /** createInstance: the body to a tree, then appkey and body validated (schema and x-rules). */
    @Benchmark
    public List<Violation> validateCreate() {
        JsonNode tree = mapper.valueToTree(createRequest);
        return validator.validate(createInstance, appkey, tree);
    }

    /** listFlavors: the appkey parameter validated. */
    @Benchmark
    public List<Violation> validateListFlavors() {
        return validator.validate(listFlavors, appkey, null);
    }

    /** issueToken: the credentials body to a tree and validated. */
    @Benchmark
    public List<Violation> validateIssueToken() {
        JsonNode tree = mapper.valueToTree(tokenRequest);
        return validator.validate(issueToken, appkey, tree);
    }

    /** For scale: encoding the createInstance body, as the encoder does on every create. */
    @Benchmark
    public byte[] encodeCreate() throws IOException {
        return mapper.writeValueAsBytes(createRequest);
    }
}
