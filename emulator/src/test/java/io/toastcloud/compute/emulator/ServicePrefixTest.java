package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.RawApi.fails;
import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.error.ResourceNotFoundException;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real service's base path: {@code /compute/v1.0/...} and {@code /v1.0/...} are the same
 * API on the same state, so a client pointed at {@code http://127.0.0.1:PORT/compute} (as at
 * {@code https://api-compute.cloud.toast.com/compute}) works by changing only the host.
 */
class ServicePrefixTest {
    private static EmulatorServer emulator;

    @BeforeAll
    static void start() {
        emulator = EmulatorServer.start(EmulatorConfig.builder().port(0).delays(Delays.uniform(Duration.ZERO))
                .build());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static ToastComputeClient client(String appkey, String endpoint) {
        return ToastComputeClient.builder().appkey(appkey)
                .credentials(EmulatorUser.DEFAULT.name(), EmulatorUser.DEFAULT.password()).endpoint(endpoint).build();
    }

    @Test
    void theServiceEndpointIsTheEndpointWithTheContractsBasePath() {
        assertEquals(emulator.endpoint() + "/compute", emulator.serviceEndpoint());
    }

    @Test
    void aJavaClientOnTheComputePathAndOneWithoutShareTheState() {
        String appkey = EmulatorHarness.freshAppkey();
        try (ToastComputeClient prefixed = client(appkey, emulator.serviceEndpoint());
                ToastComputeClient bare = client(appkey, emulator.endpoint())) {
            prefixed.api(KeypairApi.class).createKeypair(new KeypairCreateRequest().keypair(new KeypairCreateSpec().name("k")
                    .publicKey(SshKeysTest.ED25519)));
            assertEquals(List.of("k"), names(bare), "made through /compute, seen without it");
            bare.api(KeypairApi.class).deleteKeypair("k");
            assertEquals(List.of(), names(prefixed), "deleted without /compute, gone through it");
            assertThrows(ResourceNotFoundException.class, () -> prefixed.api(KeypairApi.class).deleteKeypair("k"));
        }
    }

    private static List<String> names(ToastComputeClient client) {
        return client.api(KeypairApi.class).listKeypairs().getKeypairs().stream().map(k -> k.getName()).toList();
    }

    @Test
    void rawHttpOnBothPathsAnswersTheSame() {
        String appkey = EmulatorHarness.freshAppkey();
        RawApi root = new RawApi(emulator.endpoint(), appkey);
        RawApi prefixed = new RawApi(emulator.serviceEndpoint(), appkey).login();
        root.withToken(prefixed.token()); // a token issued on /compute works on /v1.0
        JsonNode viaPrefix = ok(prefixed.get("/flavors"));
        JsonNode viaRoot = ok(root.get("/flavors"));
        assertEquals(viaRoot, viaPrefix);
        ok(root.post("/keypairs", "{\"keypair\":{\"name\":\"k1\"}}"));
        assertEquals("k1", ok(prefixed.get("/keypairs")).at("/keypairs/0/name").asText());
    }

    @Test
    void onlyTheExactBasePathIsStripped() {
        String appkey = EmulatorHarness.freshAppkey();
        RawApi api = new RawApi(emulator.endpoint(), appkey).login();
        fails(-7, api.sendAbsolute("GET", "/compute", null));
        fails(-7, api.sendAbsolute("GET", "/compute/", null));
        fails(-7, api.sendAbsolute("GET", "/computer/v1.0/appkeys/" + appkey + "/flavors", null));
        fails(-7, api.sendAbsolute("GET", "/compute/compute/v1.0/appkeys/" + appkey + "/flavors", null));
        fails(-7, api.sendAbsolute("GET", "/v1.0/compute/appkeys/" + appkey + "/flavors", null));
        String message = fails(-7, api.sendAbsolute("PATCH", "/compute/v1.0/appkeys/" + appkey + "/flavors", "{}"));
        assertTrue(message.contains("PATCH"), "a known path with another method says so: " + message);
    }
}
