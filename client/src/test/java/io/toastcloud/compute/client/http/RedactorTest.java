package io.toastcloud.compute.client.http;

import static io.toastcloud.compute.client.GeneratedKeyPairs.inJson;
import static io.toastcloud.compute.client.GeneratedKeyPairs.keyLines;
import static io.toastcloud.compute.client.GeneratedKeyPairs.privateKeyPem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.contract.Contract;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, case 1: redaction of bodies as large as a generated key pair's answer (and far
 * larger), whole, cut off in the middle of the secret, or not JSON at all. The old redactor ran
 * a backtracking regex over the whole text and overflowed the stack on a 2.3 KB private key.
 */
class RedactorTest {
    private final Redactor redactor = new Redactor(Contract.bundled(), new SecretValues());

    private static String keypairAnswer(String escapedKey) {
        return "{\"header\":{\"isSuccessful\":true,\"resultCode\":0,\"resultMessage\":\"SUCCESS\"},"
                + "\"keypair\":{\"name\":\"k\",\"publicKey\":\"ssh-rsa AAAA\",\"fingerprint\":\"f\","
                + "\"privateKey\":\"" + escapedKey + "\",\"userId\":\"u-1\"}}";
    }

    private static void assertNoKey(String out, String pem) {
        for (String line : keyLines(pem)) {
            assertFalse(out.contains(line), () -> "a line of the private key is left: " + out);
        }
    }

    @Test
    void aGeneratedKeyPairAnswerIsRedactedAndTheRestKept() throws Exception {
        String pem = privateKeyPem();
        assertTrue(inJson(pem).length() > 2300, "as large as a generated key pair's answer");
        String out = redactor.redactText("createKeypair", "[KeypairApi#createKeypair] " + keypairAnswer(inJson(pem)));
        assertNoKey(out, pem);
        assertTrue(out.contains("\"privateKey\":\"" + Redactor.REDACTED + "\""), out);
        assertTrue(out.contains("\"userId\":\"u-1\"}}"), "what follows the secret is kept: " + out);
        assertTrue(out.startsWith("[KeypairApi#createKeypair] {\"header\""), out);
    }

    @Test
    void aMegabyteSecretIsRedactedOnAnyThread() throws Exception {
        StringBuilder big = new StringBuilder();
        while (big.length() < 1_000_000) {
            big.append("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n\\\"x\\\\");
        }
        String body = keypairAnswer(big.toString());
        String[] out = new String[1];
        // A small stack, as a worker thread of an application may have.
        Thread small = new Thread(null, () -> out[0] = redactor.redactText("createKeypair", body), "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertTrue(out[0] != null && out[0].contains("\"privateKey\":\"" + Redactor.REDACTED + "\",\"userId\""),
                "redacted without error: " + (out[0] == null ? null : out[0].substring(0, Math.min(300, out[0].length()))));
        assertFalse(out[0].contains("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"));
    }

    @Test
    void anAnswerCutOffInTheMiddleOfTheKeyIsRedactedToItsEnd() throws Exception {
        String pem = privateKeyPem();
        String whole = keypairAnswer(inJson(pem));
        String cut = whole.substring(0, whole.indexOf("privateKey") + 600);
        String out = redactor.redactText("createKeypair", cut);
        assertNoKey(out, pem);
        assertTrue(out.endsWith("\"privateKey\":\"" + Redactor.REDACTED), out);
    }

    @Test
    void nestedSecretsAreFoundByTheirPathAndOtherIdsKept() {
        String text = "HTTP 400: {\"echo\":{\"auth\":{\"tenantId\":\"t\",\"password\":\"pw-secret-1\"},"
                + "\"access\":{\"token\":{\"id\":\"tok-secret-2\",\"expires\":\"2017\"}},\"server\":{\"id\":\"instance-7\"}}} and more";
        String out = redactor.redactText("getToken", text);
        assertFalse(out.contains("pw-secret-1"), out);
        assertFalse(out.contains("tok-secret-2"), out);
        assertTrue(out.contains("\"server\":{\"id\":\"instance-7\"}"), "an id that is no secret is kept: " + out);
        assertTrue(out.endsWith("}}} and more"), out);
    }

    @Test
    void secretsInTextThatIsNotWellFormedJsonAreStillCut() {
        // A syntax error before the secret stops a JSON reader; the text after it is still scanned.
        String text = "{\"auth\":{\"a\":1,,\"password\":\"pw-secret-1\"}} {'x': {\"privateKey\":\"pk-secret-3\\\"still\"}";
        String out = redactor.redactText("issueToken", text);
        assertFalse(out.contains("pw-secret-1"), out);
        assertFalse(out.contains("pk-secret-3"), out);
        assertFalse(out.contains("still"), "an escaped quote does not end the secret: " + out);
    }

    @Test
    void theTokenHeaderAndASecretQueryParameterAreCut() {
        String out = redactor.redactText("getToken",
                "---> GET http://h/v1.0/appkeys/a/tokens?id=tok-secret-2&x=1 HTTP/1.1\nX-Auth-Token: tok-secret-2\n");
        assertEquals("---> GET http://h/v1.0/appkeys/a/tokens?id=" + Redactor.REDACTED + "&x=1 HTTP/1.1\nX-Auth-Token: "
                + Redactor.REDACTED + "\n", out);
    }
}
