package io.toastcloud.compute.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Duration;

/**
 * A WireMock server on an ephemeral loopback port standing in for the service of one appkey,
 * with the token endpoint wired to a {@link ManualClock}. Tests stub the other operations on
 * {@link #server} with {@link #base()}-relative paths and {@link Envelopes} bodies.
 */
public final class WireMockService implements AutoCloseable {
    public final WireMockServer server;
    public final ManualClock clock;
    private final String appkey;

    public WireMockService(String appkey, ManualClock clock) {
        this.appkey = appkey;
        this.clock = clock;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(48));
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The path every operation of this appkey starts with. */
    public String base() {
        return "/v1.0/appkeys/" + appkey;
    }

    public String tokensPath() {
        return base() + "/tokens";
    }

    /** The token endpoint answers any request with {@code tokenId}, valid for an hour from the clock's now. */
    public void issuesTokens(String tokenId) {
        server.stubFor(post(urlPathEqualTo(tokensPath())).willReturn(json(Envelopes.token(tokenId,
                clock.instant().plus(Duration.ofHours(1))))));
    }

    /** As {@link #issuesTokens(String)}, but only to a request carrying exactly these credentials. */
    public void issuesTokens(String tokenId, String user, String password) {
        server.stubFor(post(urlPathEqualTo(tokensPath()))
                .withRequestBody(equalToJson("{\"auth\":{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}}"))
                .willReturn(json(Envelopes.token(tokenId, clock.instant().plus(Duration.ofHours(1))))));
    }

    public int count(RequestPatternBuilder pattern) {
        return server.countRequestsMatching(pattern.build()).getCount();
    }

    public int tokenRequests() {
        return count(postRequestedFor(urlPathEqualTo(tokensPath())));
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
