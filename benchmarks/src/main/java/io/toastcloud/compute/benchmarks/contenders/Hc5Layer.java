package io.toastcloud.compute.benchmarks.contenders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.model.FlavorListResponse;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateResponse;
import io.toastcloud.compute.model.InstanceDetailListResponse;
import io.toastcloud.compute.model.TokenResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * A layer of the client, measured on its own: Apache HttpClient 5 (the minimal classic client the
 * default transport uses) called by hand, with Jackson on the byte stream. Between the baseline
 * and this is what HttpClient costs; between this and {@link FeignLayer} what Feign costs.
 */
public final class Hc5Layer implements Contender {
    private final ObjectMapper mapper = Baselines.mapper();
    // No TLS set-up, as the client's default transport makes none before its first HTTPS
    // connection (and these benchmarks make none): that set-up would only weigh on a cold start.
    private final CloseableHttpClient http = HttpClients.createMinimal(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(64).setMaxConnPerRoute(64)
            .setTlsSocketStrategy((socket, target, port, attachment, context) -> {
                throw new java.io.IOException("no TLS in this benchmark: " + target);
            })
            .build());
    private final HttpHost host;
    private final String base = "/v1.0/appkeys/" + CannedResponses.APPKEY;
    private final String token;

    public Hc5Layer(String endpoint) {
        try {
            this.host = HttpHost.create(endpoint);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(endpoint, e);
        }
        this.token = issueToken();
    }

    @Override
    public FlavorListResponse listFlavors() {
        return listFlavors(token);
    }

    @Override
    public InstanceDetailListResponse listInstanceDetails() {
        InstanceDetailListResponse r = send("GET", base + "/instances-detail", token, null, InstanceDetailListResponse.class);
        return Baselines.successful(r, r.getHeader(), "listInstanceDetails");
    }

    @Override
    public InstanceCreateResponse createInstance(InstanceCreateRequest request) {
        InstanceCreateResponse r = send("POST", base + "/instances", token, request, InstanceCreateResponse.class);
        return Baselines.successful(r, r.getHeader(), "createInstance");
    }

    @Override
    public FlavorListResponse renewTokenThenListFlavors() {
        return listFlavors(issueToken());
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FlavorListResponse listFlavors(String tokenId) {
        FlavorListResponse r = send("GET", base + "/flavors", tokenId, null, FlavorListResponse.class);
        return Baselines.successful(r, r.getHeader(), "listFlavors");
    }

    private String issueToken() {
        return Baselines.tokenId(send("POST", base + "/tokens", null,
                Baselines.credentials(CannedResponses.USERNAME, CannedResponses.API_PASSWORD), TokenResponse.class));
    }

    private <T> T send(String method, String path, String tokenId, Object body, Class<T> type) {
        try {
            BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, host, path);
            request.addHeader("Accept", "application/json");
            if (tokenId != null) {
                request.addHeader(Baselines.TOKEN_HEADER, tokenId);
            }
            if (body != null) {
                request.addHeader("Content-Type", "application/json");
                request.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(body), null));
            }
            try (ClassicHttpResponse response = http.executeOpen(host, request, null)) {
                if (response.getCode() != 200) {
                    throw new IOException("HTTP " + response.getCode() + " from " + path);
                }
                return Baselines.read(mapper, response.getEntity().getContent(), type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
