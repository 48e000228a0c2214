package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.toastcloud.compute.client.waiter.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A WireMock server on loopback standing in for the service, and helpers to build a client
 * against it with a controllable clock and a sleeper that records instead of sleeping.
 */
public final class StubService implements AutoCloseable {
    public static final String APPKEY = "test-appkey";
    public static final String USER = "user@example.com";
    public static final String PASSWORD = "s3cret-Api-Passw0rd";
    public static final String BASE = "/v1.0/appkeys/" + APPKEY;

    public final WireMockServer server;
    public final MutableClock clock = new MutableClock(Instant.parse("2017-05-16T02:17:50Z"));
    public final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    public final Sleeper sleeper = d -> {
        sleeps.add(d);
        clock.advance(d);
    };

    public StubService() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
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
        server.stubFor(post(urlPathEqualTo(BASE + "/tokens"))
                .withRequestBody(equalToJson("{\"auth\":{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}}"))
                .willReturn(json(tokenBody(tokenId, clock.instant().plus(Duration.ofHours(1))))));
    }

    public static String tokenBody(String tokenId, Instant expires) {
        return "{\"header\":{\"isSuccessful\":true,\"resultCode\":0,\"resultMessage\":\"SUCCESS\"},"
                + "\"access\":{\"token\":{\"id\":\"" + tokenId + "\",\"expires\":\"" + expires.toString().replace("Z", "") + "Z\","
                + "\"issued_at\":\"2017-05-16T02:17:50.166563\"},\"user\":{\"id\":\"u1\",\"roles\":[{\"name\":\"Member\"}]}}}";
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static String ok(String payload) {
        return "{\"header\":{\"isSuccessful\":true,\"resultCode\":0,\"resultMessage\":\"SUCCESS\"}"
                + (payload == null || payload.isEmpty() ? "" : "," + payload) + "}";
    }

    public static String failure(int code, String message) {
        return "{\"header\":{\"isSuccessful\":false,\"resultCode\":" + code + ",\"resultMessage\":\"" + message + "\"}}";
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A clock tests move by hand (and the recording sleeper moves as it "sleeps"). */
    public static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        public MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        public void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
