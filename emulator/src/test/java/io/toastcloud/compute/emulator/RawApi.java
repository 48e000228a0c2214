package io.toastcloud.compute.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP to the emulator, for what the Java client refuses to send (it validates requests
 * first): invalid bodies, wrong tokens, unknown paths. Paths are relative to
 * {@code /v1.0/appkeys/{appkey}}. Every answer must be HTTP 200 with the envelope.
 */
final class RawApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String endpoint;
    private final String appkey;
    private String token;

    RawApi(String endpoint, String appkey) {
        this.endpoint = endpoint;
        this.appkey = appkey;
    }

    String appkey() {
        return appkey;
    }

    /** Issues a token for the default user and sends it from now on. */
    RawApi login() {
        JsonNode answer = send("POST", "/tokens", "{\"auth\":{\"username\":\"user@example.com\",\"password\":\"my-api-password\"}}");
        ok(answer);
        token = answer.at("/access/token/id").asText();
        return this;
    }

    String token() {
        return token;
    }

    RawApi withToken(String newToken) {
        this.token = newToken;
        return this;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, String json) {
        return send("POST", path, json);
    }

    JsonNode put(String path, String json) {
        return send("PUT", path, json);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    JsonNode send(String method, String path, String json) {
        return sendAbsolute(method, "/v1.0/appkeys/" + appkey + path, json);
    }

    /** A request to any path of the emulator (not only under the appkey). */
    JsonNode sendAbsolute(String method, String absolutePath, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + absolutePath)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "every answer is HTTP 200: " + method + " " + absolutePath);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts success and returns the answer. */
    static JsonNode ok(JsonNode answer) {
        assertTrue(answer.at("/header/isSuccessful").asBoolean(), () -> "expected success, got " + answer);
        assertEquals(0, answer.at("/header/resultCode").asInt());
        return answer;
    }

    /** Asserts a failure with {@code code} and returns its message. */
    static String fails(int code, JsonNode answer) {
        assertEquals(false, answer.at("/header/isSuccessful").asBoolean(), () -> "expected failure " + code + ", got " + answer);
        assertEquals(code, answer.at("/header/resultCode").asInt(), () -> "result code of " + answer);
        return answer.at("/header/resultMessage").asText();
    }
}
