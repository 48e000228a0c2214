package io.toastcloud.compute.benchmarks.contenders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.model.FlavorListResponse;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateResponse;
import io.toastcloud.compute.model.InstanceDetailListResponse;
import io.toastcloud.compute.model.TokenResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The baseline on {@code java.net.http.HttpClient} (HTTP/1.1, keep-alive), Jackson reading
 * straight from the response's byte stream into the same model classes as the client; a request
 * body is a byte array with its {@code Content-Length}.
 */
public final class HttpClientBaseline implements Contender {
    private final ObjectMapper mapper = Baselines.mapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(Baselines.CONNECT_TIMEOUT_MILLIS))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI tokens;
    private final URI flavors;
    private final URI instanceDetails;
    private final URI instances;
    private final Duration readTimeout = Duration.ofMillis(Baselines.READ_TIMEOUT_MILLIS);
    private final String token;

    public HttpClientBaseline(String endpoint) {
        String base = endpoint + "/v1.0/appkeys/" + CannedResponses.APPKEY;
        this.tokens = URI.create(base + "/tokens");
        this.flavors = URI.create(base + "/flavors");
        this.instanceDetails = URI.create(base + "/instances-detail");
        this.instances = URI.create(base + "/instances");
        this.token = issueToken();
    }

    @Override
    public FlavorListResponse listFlavors() {
        return listFlavors(token);
    }

    @Override
    public InstanceDetailListResponse listInstanceDetails() {
        InstanceDetailListResponse r = send(request(instanceDetails, token).GET(), InstanceDetailListResponse.class);
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
        // Java 17's HttpClient has no close(); its selector thread ends with the JVM
    }

    private FlavorListResponse listFlavors(String tokenId) {
        FlavorListResponse r = send(request(flavors, tokenId).GET(), FlavorListResponse.class);
        return Baselines.successful(r, r.getHeader(), "listFlavors");
    }

    private String issueToken() {
        return Baselines.tokenId(post(tokens, null,
                Baselines.credentials(CannedResponses.USERNAME, CannedResponses.API_PASSWORD), TokenResponse.class));
    }

    private HttpRequest.Builder request(URI uri, String tokenId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "application/json");
        return tokenId == null ? b : b.header(Baselines.TOKEN_HEADER, tokenId);
    }

    private <T> T post(URI uri, String tokenId, Object body, Class<T> type) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(body);
            return send(request(uri, tokenId).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T send(HttpRequest.Builder request, Class<T> type) {
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode() + " from " + response.uri().getPath());
            }
            return Baselines.read(mapper, response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
