package io.toastcloud.compute.contracttests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.contracttests.prism.PrismEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests sent straight to Prism with java.net.http, bypassing the client and its validation:
 * what any other client could send. Prism's refusals are RFC 7807 problems; a 422 lists each
 * violation with its location (for example {@code [body, instance, name]}) and keyword code.
 */
public final class RawPrism {
    public static final String TOKEN = "raw-request-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrismEndpoint prism;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RawPrism(PrismEndpoint prism) {
        this.prism = prism;
    }

    /** Prism's answer: status and body (parsed when it is JSON). */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Prism answered " + status + " with a body that is not JSON: " + body, e);
            }
        }

        /** The 422 problem's violations, each as "location code" (for example "body.instance.name maxLength"). */
        public List<String> violations() {
            List<String> list = new ArrayList<>();
            for (JsonNode v : json().path("validation")) {
                List<String> location = new ArrayList<>();
                v.path("location").forEach(part -> location.add(part.asText()));
                list.add(String.join(".", location) + " " + v.path("code").asText());
            }
            return list;
        }
    }

    /**
     * @param body the body text, sent as {@code application/json}, or null for none
     * @param withToken whether to send {@code X-Auth-Token}
     */
    public Answer send(String method, String pathAndQuery, String body, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(prism.url(pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (withToken) {
            request.header("X-Auth-Token", TOKEN);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Prism at " + prism.baseUri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
