package io.toastcloud.compute.benchmarks.contenders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.model.FlavorListResponse;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateResponse;
import io.toastcloud.compute.model.InstanceDetailListResponse;
import io.toastcloud.compute.model.TokenResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;

/**
 * The baseline on {@link HttpURLConnection}: keep-alive connections, Jackson reading straight
 * from the response's byte stream into the same model classes as the client.
 *
 * <p>A request body is buffered by HttpURLConnection and sent together with the headers (no
 * streaming mode), with its {@code Content-Length}. With {@code streaming} on, it uses
 * {@code setFixedLengthStreamingMode}, which writes the headers, then the body: that is how
 * Feign's default client sends, and on loopback TCP then waits for an acknowledgement before
 * the body leaves (kept as a probe, {@code BASELINE_JDK_URL_CONNECTION_STREAMING}).
 */
public final class UrlConnectionBaseline implements Contender {
    private final ObjectMapper mapper = Baselines.mapper();
    private final URL tokens;
    private final URL flavors;
    private final URL instanceDetails;
    private final URL instances;
    private final boolean streaming;
    private final String token;

    public UrlConnectionBaseline(String endpoint, boolean streaming) {
        String base = endpoint + "/v1.0/appkeys/" + CannedResponses.APPKEY;
        try {
            this.tokens = URI.create(base + "/tokens").toURL();
            this.flavors = URI.create(base + "/flavors").toURL();
            this.instanceDetails = URI.create(base + "/instances-detail").toURL();
            this.instances = URI.create(base + "/instances").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.streaming = streaming;
        this.token = issueToken();
    }

    @Override
    public FlavorListResponse listFlavors() {
        return listFlavors(token);
    }

    @Override
    public InstanceDetailListResponse listInstanceDetails() {
        InstanceDetailListResponse r = get(instanceDetails, token, InstanceDetailListResponse.class);
        return Baselines.successful(r, r.getHeader(), "listInstanceDetails");
    }

    @Override
    public InstanceCreateResponse createInstance(InstanceCreateRequest request) {
        InstanceCreateResponse r = post(instances, token, request, InstanceCreateResponse.class);
        return Baselines.successful(r, r.getHeader(), "createInstance");
    }

    @Override
    public FlavorListResponse renewTokenThenListFlavors() {
        return listFlavors(issueToken());
    }

    @Override
    public void close() {
        // HttpURLConnection's keep-alive cache is the JVM's
    }

    private FlavorListResponse listFlavors(String tokenId) {
        FlavorListResponse r = get(flavors, tokenId, FlavorListResponse.class);
        return Baselines.successful(r, r.getHeader(), "listFlavors");
    }

    private String issueToken() {
        return Baselines.tokenId(post(tokens, null,
                Baselines.credentials(CannedResponses.USERNAME, CannedResponses.API_PASSWORD), TokenResponse.class));
    }

    private <T> T get(URL url, String tokenId, Class<T> type) {
        try {
            HttpURLConnection c = open(url, tokenId);
            return read(c, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T post(URL url, String tokenId, Object body, Class<T> type) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(body);
            HttpURLConnection c = open(url, tokenId);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            if (streaming) {
                c.setFixedLengthStreamingMode(bytes.length);
            }
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
            return read(c, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpURLConnection open(URL url, String tokenId) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setConnectTimeout(Baselines.CONNECT_TIMEOUT_MILLIS);
        c.setReadTimeout(Baselines.READ_TIMEOUT_MILLIS);
        c.setRequestProperty("Accept", "application/json");
        if (tokenId != null) {
            c.setRequestProperty(Baselines.TOKEN_HEADER, tokenId);
        }
        return c;
    }

    private <T> T read(HttpURLConnection c, Class<T> type) throws IOException {
        int status = c.getResponseCode();
        if (status != 200) {
            throw new IOException("HTTP " + status + " from " + c.getURL().getPath());
        }
        return Baselines.read(mapper, c.getInputStream(), type);
    }
}
