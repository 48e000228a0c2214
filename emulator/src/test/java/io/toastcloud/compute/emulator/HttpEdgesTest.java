package io.toastcloud.compute.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.emulator.keys.SshKeys;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP the Java client never sends (issue 12, items 8 and 9): each answered with the envelope and
 * refused as the service would, and the few requests the JDK server refuses before the emulator
 * sees them, pinned as the documented exceptions of docs/EMULATOR.md.
 */
class HttpEdgesTest {
    private static final String KEY = "{\"keypair\":{\"name\":\"k\",\"publicKey\":\"" + SshKeysTest.ED25519 + "\"}}";
    private static EmulatorHarness emulator;
    private static int port;

    @BeforeAll
    static void start() {
        emulator = EmulatorHarness.onManualClock(b -> { });
        port = emulator.server.port();
    }

    @AfterEach
    void verify() {
        emulator.verify();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static RawSocket.Answer send(RawApi api, String method, String path, String headers, byte[] body) {
        return RawSocket.send(port, method + " /v1.0/appkeys/" + api.appkey() + path + " HTTP/1.1\r\nX-Auth-Token: "
                + api.token() + headers, body);
    }

    private static int keypairs(RawApi api) {
        return RawApi.ok(api.get("/keypairs")).path("keypairs").size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "Get", "post", "delete"})
    void methodsAreCaseSensitiveSoALowerCaseOneNamesNoOperation(String method) {
        RawApi api = emulator.raw();
        RawSocket.Answer answer = send(api, method, "/flavors", "", new byte[0]);
        assertEquals(-7, answer.resultCode(), answer::toString);
        assertTrue(answer.json().at("/header/resultMessage").asText().contains(method), answer::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=UTF-16",
            "application/jsonx"})
    void aBodyOfAnotherMediaTypeIsInvalidNamingTheHeaderAndCreatesNothing(String contentType) {
        RawApi api = emulator.raw();
        RawSocket.Answer answer = send(api, "POST", "/keypairs", "\r\nContent-Type: " + contentType,
                KEY.getBytes(StandardCharsets.UTF_8));
        assertEquals(-4, answer.resultCode(), answer::toString);
        assertTrue(answer.json().at("/header/resultMessage").asText().contains("Content-Type"), answer::toString);
        assertEquals(0, keypairs(api));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\r\nContent-Type: application/json", "\r\nContent-Type: Application/JSON;charset=utf-8"})
    void jsonWithOrWithoutItsMediaTypeIsAccepted(String header) {
        RawApi api = emulator.raw();
        assertEquals(0, send(api, "POST", "/keypairs", header, KEY.getBytes(StandardCharsets.UTF_8)).resultCode());
        assertEquals(1, keypairs(api));
    }

    @Test
    void aBodyThatIsNotUtf8WithoutBomIsAJsonParsingErrorAndCreatesNothing() {
        RawApi api = emulator.raw();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[][] bodies = {KEY.getBytes(StandardCharsets.UTF_16LE), KEY.getBytes(StandardCharsets.UTF_16BE),
            KEY.getBytes(StandardCharsets.UTF_16), concat(bom, KEY.getBytes(StandardCharsets.UTF_8)),
            KEY.replace("\"k\"", "\"\u00e9\"").getBytes(StandardCharsets.ISO_8859_1)};
        for (byte[] body : bodies) {
            RawSocket.Answer answer = send(api, "POST", "/keypairs", "\r\nContent-Type: application/json", body);
            assertEquals(-8, answer.resultCode(), answer::toString);
        }
        assertEquals(0, keypairs(api));
    }

    @Test
    void theTokenHeaderTwiceIsNoTokenEvenWhenBothAreValid() {
        RawApi api = emulator.raw();
        RawSocket.Answer answer = send(api, "GET", "/keypairs", "\r\nX-Auth-Token: " + api.token(), new byte[0]);
        assertEquals(50401, answer.resultCode(), answer::toString);
        assertEquals(0, send(api, "GET", "/keypairs", "", new byte[0]).resultCode(), "once is fine");
    }

    @Test
    void aGeneratedKeyPairWhoseNameIsTakenIsRefusedBeforeAnyKeyIsGenerated() {
        RawApi api = emulator.raw();
        RawApi.ok(api.post("/keypairs", KEY));
        long generated = SshKeys.generatedCount();

        RawApi.fails(13409, api.post("/keypairs", "{\"keypair\":{\"name\":\"k\"}}"));

        assertEquals(generated, SshKeys.generatedCount(), "no RSA key was generated for a refused request");
        JsonNode created = RawApi.ok(api.post("/keypairs", "{\"keypair\":{\"name\":\"k2\"}}"));
        assertNotNull(created.at("/keypair/privateKey").textValue());
        assertEquals(generated + 1, SshKeys.generatedCount(), "the counter counts");
    }

    @Test
    void fiveHundredHeadersGetTheEnvelope() {
        RawApi api = emulator.raw();
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            headers.append("\r\nX-Extra-").append(i).append(": v");
        }
        assertEquals(0, send(api, "GET", "/flavors", headers.toString(), new byte[0]).resultCode());
    }

    // The documented exceptions: the JDK server answers these itself, before any handler runs.

    @ParameterizedTest
    @ValueSource(strings = {"/v1.0/appkeys/%zz/flavors", "/v1.0/appkeys/k/flavors%", "/v1.0/appkeys/%2/flavors",
            "/v1.0/appkeys/k/keypairs?name=%zz", "/v1.0/appkeys/k/keypairs?name=%", "/v1.0/appkeys/k/keypairs?name=%2"})
    void aMalformedEscapeIsRefusedByTheJdkServerWithItsOwn400(String target) {
        RawSocket.Answer answer = RawSocket.send(port, "GET " + target + " HTTP/1.1", new byte[0]);
        assertEquals(400, answer.status(), answer::toString);
        assertTrue(answer.contentType().startsWith("text/html"), answer::toString);
        assertEquals(0, RawApi.ok(emulator.raw().get("/flavors")).at("/header/resultCode").asInt(), "still serving");
    }

    @Test
    void theAsteriskTargetIsRefusedByTheJdkServerWithItsOwn404() {
        RawSocket.Answer answer = RawSocket.send(port, "OPTIONS * HTTP/1.1", new byte[0]);
        assertEquals(404, answer.status(), answer::toString);
        assertTrue(answer.contentType().startsWith("text/html"), answer::toString);
    }

    @Test
    void aHeaderSectionOverTheJdkSizeLimitClosesTheConnectionWithoutAnAnswer() {
        String big = "\r\nX-Big: " + "a".repeat(400 * 1024);
        RawSocket.Answer answer = RawSocket.send(port, "GET /v1.0/appkeys/k/flavors HTTP/1.1" + big, new byte[0]);
        assertEquals(0, answer.status(), answer::toString);
        assertTrue(answer.failure() != null, answer::toString);
        assertEquals(0, RawApi.ok(emulator.raw().get("/flavors")).at("/header/resultCode").asInt(), "still serving");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
