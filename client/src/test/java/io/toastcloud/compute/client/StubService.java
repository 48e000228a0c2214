package io.toastcloud.compute.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.toastcloud.compute.client.waiter.Sleeper;
import io.toastcloud.compute.testsupport.Envelopes;
import io.toastcloud.compute.testsupport.ManualClock;
import io.toastcloud.compute.testsupport.WireMockService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The client tests' view of the shared {@link WireMockService}: one appkey and one user, and a
 * client built against it with the stub's clock and a sleeper that records instead of sleeping.
 */
public final class StubService implements AutoCloseable {
    public static final String APPKEY = "test-appkey";
    public static final String USER = "user@example.com";
    public static final String PASSWORD = "s3cret-Api-Passw0rd";
    public static final String BASE = "/v1.0/appkeys/" + APPKEY;

    public final ManualClock clock = ManualClock.at("2017-05-16T02:17:50Z");
    public final WireMockService service = new WireMockService(APPKEY, clock);
    public final WireMockServer server = service.server;
    public final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    public final Sleeper sleeper = d -> {
        sleeps.add(d);
        clock.advance(d);
    };

    public String endpoint() {
        return service.endpoint();
    }

    public ToastComputeClient.Builder clientBuilder() {
        return ToastComputeClient.builder()
                .appkey(APPKEY)
                .credentials(USER, PASSWORD)
                .endpoint(endpoint())
                .clock(clock)
                .sleeper(sleeper)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2));
    }

    public ToastComputeClient client() {
        return clientBuilder().build();
    }

    /** Token issue answers with {@code tokenId}, valid for one hour from the stub clock's now. */
    public void issuesToken(String tokenId) {
        service.issuesTokens(tokenId, USER, PASSWORD);
    }

    public static String tokenBody(String tokenId, Instant expires) {
        return Envelopes.token(tokenId, expires);
    }

    public static ResponseDefinitionBuilder json(String body) {
        return WireMockService.json(body);
    }

    public static String ok(String payload) {
        return Envelopes.ok(payload);
    }

    public static String failure(int code, String message) {
        return Envelopes.failure(code, message);
    }

    @Override
    public void close() {
        service.close();
    }
}
