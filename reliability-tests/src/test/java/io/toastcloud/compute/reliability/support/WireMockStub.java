package io.toastcloud.compute.reliability.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Duration;

/** A WireMock server on loopback standing in for the service. */
public final class WireMockStub implements AutoCloseable {
    public static final String BASE = "/v1.0/appkeys/" + Secrets.APPKEY;
    public static final String TOKENS = BASE + "/tokens";

    public final WireMockServer server;
    public final MutableClock clock;

    public WireMockStub(MutableClock clock) {
        this.clock = clock;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(48));
        server.start();
    }

    public WireMockStub() {
        this(new MutableClock());
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The token endpoint answers with {@link Secrets#TOKEN_ID}, valid for an hour from the clock's now. */
    public void issuesTokens() {
        server.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(json(Envelopes.token(Secrets.TOKEN_ID,
                clock.instant().plus(Duration.ofHours(1))))));
    }

    public int count(RequestPatternBuilder pattern) {
        return server.countRequestsMatching(pattern.build()).getCount();
    }

    public int tokenRequests() {
        return count(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(TOKENS)));
    }

    public int allRequests() {
        return server.getAllServeEvents().size();
    }

    public void reset() {
        server.resetAll();
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
