package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.RawApi.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.OperationInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routing and the envelope: every contract operation is served; anything else answers -7; bad JSON -8. */
class RoutingTest {
    private static EmulatorHarness emulator;
    private static final List<String> ROUTED = new ArrayList<>();

    @BeforeAll
    static void start() {
        emulator = EmulatorHarness.onManualClock(b -> b.observer(e -> {
            synchronized (ROUTED) {
                ROUTED.add(e.operationId());
            }
        }));
    }

    @AfterEach
    void verify() {
        emulator.verify();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void everyOperationOfTheContractIsRoutedToItsImplementation() {
        RawApi api = emulator.raw();
        Set<String> answered = new TreeSet<>();
        for (OperationInfo op : Contract.bundled().operations().values()) {
            String path = op.path().replace("{appkey}", api.appkey()).replace("{instanceId}", "no-such-instance")
                    .replace("{securityGroupId}", "no-such-group");
            JsonNode answer = api.sendAbsolute(op.method(), path, op.requestSchemaName().isPresent() ? "{}" : null);
            assertNotEquals(-7, answer.at("/header/resultCode").asInt(), op.operationId() + " was not routed: " + answer);
            answered.add(op.operationId());
        }
        assertEquals(32, answered.size(), "the 31 operations of the 2017 guide and deleteImage");
        synchronized (ROUTED) {
            assertTrue(ROUTED.containsAll(answered), "the emulator named the operation of each request");
        }
    }

    @Test
    void aPathOfNoOperationAnswersNotSupported() {
        RawApi api = emulator.raw();
        String message = fails(-7, api.sendAbsolute("GET", "/v1.0/appkeys/" + api.appkey() + "/servers", null));
        assertTrue(message.startsWith("Not supported : "), message);
        fails(-7, api.sendAbsolute("GET", "/", null));
        fails(-7, api.sendAbsolute("GET", "/v2.0/appkeys/" + api.appkey() + "/flavors", null));
    }

    @Test
    void aMethodTheContractDoesNotHaveOnAPathAnswersNotSupported() {
        RawApi api = emulator.raw();
        String message = fails(-7, api.send("PATCH", "/instances", "{}"));
        assertTrue(message.contains("PATCH"), message);
        fails(-7, api.send("PUT", "/flavors", "{}"));
    }

    @Test
    void malformedJsonAnswersJsonParsingErrorWithoutQuotingTheBody() {
        RawApi api = emulator.anonymous(EmulatorHarness.freshAppkey());
        String message = fails(-8, api.post("/tokens", "{\"auth\":{\"username\":\"user@example.com\",\"password\":\"s3cret-pw"));
        assertTrue(message.startsWith("JSON parsing error : "), message);
        assertFalse(message.contains("s3cret"), "the message must not quote the body: " + message);
        fails(-8, api.post("/tokens", "{} trailing"));
        fails(-8, api.post("/tokens", "{\"auth\":{},\"auth\":{}}"));
    }

    @Test
    void aMissingBodyIsAnInvalidParameter() {
        RawApi api = emulator.raw();
        String message = fails(-4, api.post("/keypairs", null));
        assertTrue(message.contains("the request body is required"), message);
    }

    @Test
    void aBodyOverOneMegabyteIsRefused() {
        RawApi api = emulator.raw();
        String huge = "{\"keypair\":{\"name\":\"k\",\"publicKey\":\"" + "A".repeat(1 << 20) + "\"}}";
        String message = fails(-4, api.post("/keypairs", huge));
        assertTrue(message.contains("larger than"), message);
        RawApi.ok(api.get("/keypairs"));
    }

    @Test
    void anAuthenticatedOperationIsCheckedForTheTokenBeforeTheBody() {
        RawApi api = emulator.anonymous(EmulatorHarness.freshAppkey());
        fails(50401, api.post("/keypairs", "{not json"));
    }
}
