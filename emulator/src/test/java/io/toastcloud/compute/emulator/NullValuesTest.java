package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.RawApi.fails;
import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JSON {@code null} for a property the contract does not mark {@code nullable} breaks the
 * contract (issue 12, item 5): -4 naming the field, and nothing changes. The client's validator
 * reads a null as an absent field for its own messages; the emulator judges what was sent.
 * Every request here was accepted, and most changed state, before the fix.
 */
class NullValuesTest {
    @RegisterExtension
    static final EmulatorHarness emulator = EmulatorHarness.onManualClock(b -> { });

    /** A rule for the default group (every appkey has it, with this id): valid but for {@code fields}. */
    static String rule(String fields) {
        return "{\"securityGroupRule\":{\"securityGroupId\":\"85cc3048-abc3-43cc-89b3-377341426ac5\",\"direction\":\"ingress\""
                + fields + "}}";
    }

    static Stream<Arguments> nullsTheContractForbids() {
        return Stream.of(
                Arguments.of("/keypairs", "{\"keypair\":{\"name\":\"x\",\"publicKey\":null}}", "keypair.publicKey", "/keypairs"),
                Arguments.of("/security-groups", "{\"securityGroup\":{\"name\":\"web\",\"description\":null}}",
                        "securityGroup.description", "/security-groups"),
                Arguments.of("/volumes", "{\"volume\":{\"name\":\"v\",\"availabilityZone\":\"kr-pub-a\",\"size\":10,"
                        + "\"volumeType\":\"\",\"metadata\":null}}", "volume.metadata", "/volumes"),
                Arguments.of("/volumes", "{\"volume\":{\"name\":\"v\",\"availabilityZone\":\"kr-pub-a\",\"size\":10,"
                        + "\"volumeType\":\"\",\"metadata\":{\"a\":null}}}", "volume.metadata.a", "/volumes"),
                Arguments.of("/instances", ValidationTest.instance(i -> i.putNull("count")), "instance.count", "/instances"),
                Arguments.of("/security-group-rules", rule(",\"ethertype\":null"), "securityGroupRule.ethertype",
                        "/security-group-rules"),
                Arguments.of("/security-group-rules", rule(",\"protocol\":\"tcp\",\"portRangeMin\":null"),
                        "securityGroupRule.portRangeMin", "/security-group-rules"),
                Arguments.of("/keypairs", "{\"keypair\":{\"name\":null}}", "keypair.name", "/keypairs"));
    }

    @ParameterizedTest(name = "{2}: null")
    @MethodSource("nullsTheContractForbids")
    void aNullTheContractDoesNotAllowIsInvalidNamingTheFieldAndChangesNothing(String path, String body, String field,
            String listPath) {
        RawApi api = emulator.raw();
        ok(api.post("/keypairs", "{\"keypair\":{\"name\":\"k\",\"publicKey\":\"" + SshKeysTest.ED25519 + "\"}}"));
        JsonNode before = ok(api.get(listPath));

        String message = fails(-4, api.post(path, body));

        assertTrue(message.contains(field), () -> "the message names " + field + ": " + message);
        assertEquals(before, ok(api.get(listPath)), "nothing changed");
    }
}
