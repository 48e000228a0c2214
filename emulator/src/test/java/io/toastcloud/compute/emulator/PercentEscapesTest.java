package io.toastcloud.compute.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Percent-escapes in the path and the query are UTF-8 (issue 12, item 6): an escape that is not
 * UTF-8 ({@code %FF}, {@code %FE}, a lone {@code %C3}) is -4 naming the parameter, never
 * U+FFFD, so no two different appkeys can share state. Before the fix {@code %FF}, {@code %FE}
 * and {@code %EF%BF%BD} were one appkey.
 */
class PercentEscapesTest {
    private static final String TOKEN_BODY = "{\"auth\":{\"username\":\"user@example.com\",\"password\":\"my-api-password\"}}";
    @RegisterExtension
    static final EmulatorHarness emulator = EmulatorHarness.onManualClock(b -> { });

    @ParameterizedTest
    @ValueSource(strings = {"%FF", "%FE", "%C3", "a%C3%28b", "%ED%A0%80", "%C0%AF", "%F4%90%80%80"})
    void anAppkeyWhoseEscapesAreNotUtf8IsInvalid(String rawAppkey) {
        RawSocket.Answer answer = RawSocket.send(emulator.server.port(), "POST /v1.0/appkeys/" + rawAppkey + "/tokens HTTP/1.1"
                + "\r\nContent-Type: application/json", TOKEN_BODY.getBytes(StandardCharsets.UTF_8));
        assertEquals(-4, answer.resultCode(), answer::toString);
        String message = answer.json().at("/header/resultMessage").asText();
        assertTrue(message.contains("appkey") && message.contains("UTF-8"), message);
    }

    @Test
    void rawBytesThatAreNotUtf8AreInvalidToo() {
        // The JDK server reads the request line as ISO-8859-1: the byte 0xFF arrives as 'ÿ'.
        RawSocket.Answer answer = RawSocket.send(emulator.server.port(), "POST /v1.0/appkeys/\u00ff/tokens HTTP/1.1",
                TOKEN_BODY.getBytes(StandardCharsets.UTF_8));
        assertEquals(-4, answer.resultCode(), answer::toString);
    }

    @Test
    void aTokenOfOneEscapedAppkeyReadsNothingOfAnother() {
        RawApi replacement = new RawApi(emulator.server.endpoint(), "%EF%BF%BD").login();
        RawApi.ok(replacement.post("/keypairs", "{\"keypair\":{\"name\":\"k\",\"publicKey\":\"" + SshKeysTest.ED25519 + "\"}}"));

        for (String other : new String[] {"%FF", "%FE"}) {
            RawSocket.Answer answer = RawSocket.send(emulator.server.port(), "GET /v1.0/appkeys/" + other + "/keypairs HTTP/1.1"
                    + "\r\nX-Auth-Token: " + replacement.token(), new byte[0]);
            assertNotEquals(0, answer.resultCode(), () -> other + " read the key pairs of U+FFFD: " + answer);
        }
    }

    @Test
    void rawUtf8AndItsEscapesNameTheSameAppkey() {
        // RFC 3987: an IRI's characters and their UTF-8 escapes are the same URI. (A character
        // with a UTF-8 byte in 0x80-0xA0 cannot be sent raw: the JDK server refuses it with 400.)
        RawApi escaped = new RawApi(emulator.server.endpoint(), "%C3%A9" + EmulatorHarness.freshAppkey()).login();
        String raw = new String("\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                + escaped.appkey().substring("%C3%A9".length());
        RawSocket.Answer answer = RawSocket.send(emulator.server.port(), "GET /v1.0/appkeys/" + raw + "/keypairs HTTP/1.1"
                + "\r\nX-Auth-Token: " + escaped.token(), new byte[0]);
        assertEquals(0, answer.resultCode(), answer::toString);
    }

    @Test
    void aQueryValueWhoseEscapesAreNotUtf8IsInvalidNamingTheParameter() {
        RawApi api = emulator.raw();
        JsonNode answer = api.get("/keypairs?name=%FF");
        String message = RawApi.fails(-4, answer);
        assertTrue(message.contains("name") && message.contains("UTF-8"), message);
        RawApi.fails(-4, api.delete("/keypairs?name=%FE"));
    }
}
