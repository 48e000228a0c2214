package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.RawApi.fails;
import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Contract;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens for configured users, their lifetime, and each appkey seeing only its own resources. */
class AuthTest {
    private static final String TOKEN_INVALID_MESSAGE = Contract.bundled().document()
            .at("/components/examples/TokenInvalid/value/header/resultMessage").asText();
    @RegisterExtension
    static final EmulatorHarness emulator = EmulatorHarness.onManualClock(b -> b.tokenLifetime(Duration.ofMinutes(30))
                .user(EmulatorUser.DEFAULT)
                .user(new EmulatorUser("ops@example.com", "ops-pw", Set.of("alpha-appkey"))));

    @Test
    void issuesATokenThatLastsTheConfiguredLifetime() {
        RawApi api = emulator.anonymous(EmulatorHarness.freshAppkey());
        JsonNode access = ok(api.post("/tokens", credentials("user@example.com", "my-api-password"))).path("access");
        Instant issued = LocalDateTime.parse(access.at("/token/issued_at").asText()).toInstant(ZoneOffset.UTC);
        Instant expires = Instant.parse(access.at("/token/expires").asText());
        assertEquals(emulator.clock.instant(), issued);
        assertEquals(Duration.ofMinutes(30), Duration.between(issued, expires));
        assertEquals("Member", access.at("/user/roles/0/name").asText());
        assertFalse(access.at("/user/id").asText().isEmpty());
    }

    @Test
    void wrongCredentialsAnswerTheAuthenticationFailure() {
        RawApi api = emulator.anonymous(EmulatorHarness.freshAppkey());
        fails(-1, api.post("/tokens", credentials("user@example.com", "not-the-password")));
        fails(-1, api.post("/tokens", credentials("nobody@example.com", "my-api-password")));
    }

    @Test
    void aUserLimitedToAppkeysGetsNoTokenForAnother() {
        fails(-3, emulator.anonymous("beta-appkey").post("/tokens", credentials("ops@example.com", "ops-pw")));
        ok(emulator.anonymous("alpha-appkey").post("/tokens", credentials("ops@example.com", "ops-pw")));
    }

    @Test
    void requestsWithoutAValidTokenAnswerTokenInvalid() {
        RawApi api = emulator.raw();
        String valid = api.token();
        assertEquals(TOKEN_INVALID_MESSAGE, fails(50401, api.withToken(null).get("/flavors")));
        fails(50401, api.withToken("no-such-token").get("/flavors"));
        ok(api.withToken(valid).get("/flavors"));
    }

    @Test
    void anExpiredTokenAnswersTokenInvalid() {
        RawApi api = emulator.raw();
        ok(api.get("/keypairs"));
        emulator.clock.advance(Duration.ofMinutes(29));
        ok(api.get("/keypairs"));
        emulator.clock.advance(Duration.ofMinutes(1));
        fails(50401, api.get("/keypairs"));
        assertNotEquals(api.token(), api.login().token(), "a new token is issued");
        ok(api.get("/keypairs"));
    }

    @Test
    void aTokenOfAnotherAppkeyIsPermissionDenied() {
        RawApi alpha = emulator.raw();
        RawApi beta = emulator.raw().withToken(alpha.token());
        String message = fails(-3, beta.get("/instances"));
        assertTrue(message.startsWith("Permission denied"), message);
    }

    @Test
    void getTokenShowsATokenOfTheSameAppkeyOnly() {
        RawApi alpha = emulator.raw();
        RawApi beta = emulator.raw();
        JsonNode shown = ok(alpha.get("/tokens?id=" + alpha.token()));
        assertEquals(alpha.token(), shown.at("/access/token/id").asText());
        fails(50404, alpha.get("/tokens?id=" + beta.token()));
        fails(50404, alpha.get("/tokens?id=no-such-token"));
        fails(-4, alpha.get("/tokens"));
    }

    @Test
    void everyAppkeySeesOnlyItsOwnResources() {
        RawApi alpha = emulator.raw();
        RawApi beta = emulator.raw();
        ok(alpha.post("/keypairs", "{\"keypair\":{\"name\":\"alpha-key\",\"publicKey\":\"" + SshKeysTest.ED25519 + "\"}}"));
        String groupId = ok(alpha.post("/security-groups", "{\"securityGroup\":{\"name\":\"alpha-web\"}}"))
                .at("/securityGroup/id").asText();
        assertEquals(0, ok(beta.get("/keypairs")).path("keypairs").size());
        assertEquals(1, ok(beta.get("/security-groups")).path("securityGroups").size(), "only beta's default group");
        fails(24404, beta.get("/security-groups?id=" + groupId));
        fails(24404, beta.delete("/security-groups?id=" + groupId));
        fails(13404, beta.delete("/keypairs?name=alpha-key"));
        assertEquals(2, ok(alpha.get("/security-groups")).path("securityGroups").size());
    }

    static String credentials(String user, String password) {
        return "{\"auth\":{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}}";
    }
}
