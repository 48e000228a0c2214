package io.toastcloud.compute.benchmarks.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.emulator.EmulatorConfig;
import io.toastcloud.compute.emulator.EmulatorServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole write as a user sees it: an HTTP {@code createKeypair} (an imported key) or
 * {@code deleteKeypair} on an emulator holding {@code records} key pairs, in memory or with a data
 * directory. Each measured write is a create followed by the delete of the same key pair, so the
 * appkey keeps its size however many are measured.
 */
final class EmulatorWrites implements AutoCloseable {
    static final String PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHFFlsd3A102hJUTX+aPew3FD4tO7FNIMMkmU8Rdaz/n user@laptop";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final EmulatorServer server;
    private final String base;
    private final String token;

    /** {@code dataDir} null: state in memory only. */
    EmulatorWrites(Path dataDir, int records) throws IOException, InterruptedException {
        EmulatorConfig.Builder config = EmulatorConfig.builder().port(0);
        if (dataDir != null) {
            config.dataDir(dataDir);
        }
        server = EmulatorServer.start(config.build());
        base = server.endpoint() + "/v1.0/appkeys/benchmark-appkey";
        token = send("POST", "/tokens", "{\"auth\":{\"username\":\"user@example.com\",\"password\":\"my-api-password\"}}", null)
                .at("/access/token/id").asText();
        for (int i = 0; i < records; i++) {
            create("filler-" + i);
        }
    }

    void create(String name) throws IOException, InterruptedException {
        send("POST", "/keypairs", "{\"keypair\":{\"name\":\"" + name + "\",\"publicKey\":\"" + PUBLIC_KEY + "\"}}", token);
    }

    void delete(String name) throws IOException, InterruptedException {
        send("DELETE", "/keypairs?name=" + name, null, token);
    }

    int count() throws IOException, InterruptedException {
        return send("GET", "/keypairs", null, token).path("keypairs").size();
    }

    private JsonNode send(String method, String path, String body, String withToken) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (withToken != null) {
            b.header("X-Auth-Token", withToken);
        }
        JsonNode answer = JSON.readTree(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
        if (!answer.at("/header/isSuccessful").asBoolean()) {
            throw new IllegalStateException(method + " " + path + " failed: " + answer.path("header"));
        }
        return answer;
    }

    @Override
    public void close() {
        server.close();
    }
}
