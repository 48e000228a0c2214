package io.toastcloud.compute.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.model.TokenAuth;
import io.toastcloud.compute.model.TokenIssueRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * This module depends on the client as an application does, so its class path is what an
 * application gets: the client's optional dependency feign-okhttp (and with it OkHttp, Okio and
 * Kotlin) is not on it, the client works without it, getToken included, and
 * choosing {@link Transport#OKHTTP} without feign-okhttp says what to add.
 */
class ClientDependenciesTest {
    private static EmulatorHarness emulator;

    @BeforeAll
    static void start() {
        emulator = EmulatorHarness.onManualClock(b -> { });
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void optionalDependenciesDoNotComeWithTheClient() {
        for (String absent : new String[] {"feign.okhttp.OkHttpClient", "okhttp3.OkHttpClient", "kotlin.Unit"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent + " came with the client");
        }
    }

    @Test
    void theDefaultTransportWorksWithoutThemAndGetTokenToo() {
        try (ToastComputeClient client = emulator.client(EmulatorHarness.freshAppkey())) {
            assertTrue(client.api(FlavorApi.class).listFlavors().getFlavors().size() > 0);
            String token = client.api(TokenApi.class).issueToken(new TokenIssueRequest().auth(new TokenAuth()
                    .username(EmulatorUser.DEFAULT.name()).password(EmulatorUser.DEFAULT.password())))
                    .getAccess().getToken().getId();
            // getToken goes through java.net.http (feign-java11), which every transport needs.
            assertEquals(token, client.api(TokenApi.class).getToken(token).getAccess().getToken().getId());
        }
        emulator.verify();
    }

    @Test
    void okHttpWithoutFeignOkHttpNamesTheArtifactToAdd() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> ToastComputeClient.builder()
                .appkey("appkey-1").credentials("user@example.com", "password").transport(Transport.OKHTTP).build());
        assertTrue(missing.getMessage().contains("io.github.openfeign:feign-okhttp"), missing.getMessage());
    }
}
