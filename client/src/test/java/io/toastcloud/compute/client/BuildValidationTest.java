package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.client.error.RequestValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token request a client will send is checked against the contract while it is built (on a
 * thread of its own, overlapping the rest of the build): build() still refuses a request the
 * contract forbids, naming the field and the rule, before anything is sent, and whatever
 * interrupts the building thread does not make it return half done.
 */
class BuildValidationTest {
    private final StubService stub = new StubService();

    @AfterEach
    void stop() {
        stub.close();
    }

    private void refusesTheEmptyAppkey() {
        RequestValidationException e = assertThrows(RequestValidationException.class,
                () -> stub.clientBuilder().appkey("").build());
        assertEquals("issueToken", e.operation());
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals("appkey") && v.rule().equals("minLength")),
                e.violations().toString());
        assertEquals(0, stub.server.findAll(anyRequestedFor(anyUrl())).size(), "nothing may be sent");
    }

    @Test
    void aBuildRefusesWhatTheContractForbids() {
        refusesTheEmptyAppkey();
    }

    @Test
    void anInterruptedBuildStillTakesTheChecksVerdictAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            refusesTheEmptyAppkey();
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        stub.issuesToken("token-1");
        Thread.currentThread().interrupt();
        try (ToastComputeClient client = stub.client()) {
            assertTrue(Thread.currentThread().isInterrupted());
            assertEquals("test-appkey", client.appkey());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aValidBuildSendsNothingYet() {
        stub.issuesToken("token-1");
        try (ToastComputeClient client = stub.client()) {
            assertEquals(0, stub.server.findAll(anyRequestedFor(anyUrl())).size());
            assertTrue(client.endpoint().toString().startsWith("http://"));
        }
    }
}
