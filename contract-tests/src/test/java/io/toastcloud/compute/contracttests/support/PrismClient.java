package io.toastcloud.compute.contracttests.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.contract.ToastTimestamps;
import io.toastcloud.compute.contracttests.prism.PrismEndpoint;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The client as a user builds it (default transport, retries, validation), pointed at Prism, plus
 * two interceptors of the tests: {@link PreferExample} and {@link SentRequests}.
 *
 * <p>The credentials are those of {@code issueToken}'s request example; Prism answers with the
 * {@code success} example's token. The client's clock is set to the moment that token was issued
 * ({@code issued_at}), so that its token manager holds it fresh instead of renewing it forever.
 */
public final class PrismClient implements AutoCloseable {
    public static final String APPKEY = "p8QzC2kJ7mV4xR1t";

    private final ToastComputeClient client;
    private final SentRequests sent = new SentRequests();

    private PrismClient(PrismEndpoint prism) {
        ContractDocument contract = ContractDocument.bundled();
        JsonNode credentials = contract.operation("issueToken").requestExamples().get("credentials").path("auth");
        JsonNode token = contract.operation("issueToken").responseExample("success").at("/access/token");
        this.client = ToastComputeClient.builder()
                .appkey(APPKEY)
                .credentials(credentials.path("username").asText(), credentials.path("password").asText())
                .endpoint(prism.baseUri())
                .clock(Clock.fixed(ToastTimestamps.parse(token.path("issued_at").asText()), ZoneOffset.UTC))
                .requestInterceptor(new PreferExample())
                .requestInterceptor(sent)
                .build();
    }

    public static PrismClient connect(PrismEndpoint prism) {
        return new PrismClient(prism);
    }

    public ToastComputeClient client() {
        return client;
    }

    public SentRequests sent() {
        return sent;
    }

    @Override
    public void close() {
        client.close();
    }
}
