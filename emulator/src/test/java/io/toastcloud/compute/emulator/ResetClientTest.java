package io.toastcloud.compute.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reset forgets tokens too (a fresh service), and a Java client that kept running through it
 * does not notice: its next call answers 50401, the client issues a new token once and repeats
 * the call, which then sees the fresh appkey. Both resets, by HTTP and by method.
 */
class ResetClientTest {
    private static EmulatorHarness emulator;

    @BeforeAll
    static void start() {
        emulator = EmulatorHarness.inRealTime(Delays.defaults(), b -> { });
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aClientIssuesANewTokenAfterOneAppkeyIsReset() {
        survivesReset(appkey -> assertTrue(emulator.server.reset(appkey)));
    }

    @Test
    void aClientIssuesANewTokenAfterEveryAppkeyIsResetOverHttp() {
        ControlApi control = new ControlApi(emulator.server.endpoint());
        survivesReset(appkey -> assertEquals(200, control.post("/_emulator/reset", null).status()));
    }

    private static void survivesReset(Consumer<String> reset) {
        String appkey = EmulatorHarness.freshAppkey();
        try (ToastComputeClient client = ToastComputeClient.builder().appkey(appkey)
                .credentials(EmulatorUser.DEFAULT.name(), EmulatorUser.DEFAULT.password())
                .endpoint(emulator.server.endpoint()).build()) {
            KeypairApi keypairs = client.api(KeypairApi.class);
            keypairs.createKeypair(new KeypairCreateRequest().keypair(new KeypairCreateSpec().name("before-reset")));
            assertEquals(1, client.tokenManager().issueCount());

            reset.accept(appkey);

            assertEquals(0, keypairs.listKeypairs().getKeypairs().size(), "the call after the reset sees a fresh appkey");
            assertEquals(2, client.tokenManager().issueCount(), "the old token was refused and a new one issued");
            keypairs.createKeypair(new KeypairCreateRequest().keypair(new KeypairCreateSpec().name("before-reset")));
            assertEquals(2, client.tokenManager().issueCount(), "the new token goes on working");
        }
        emulator.verify();
    }
}
