package io.toastcloud.compute.client;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** Private keys as large as the ones the service generates, for the redaction tests. */
public final class GeneratedKeyPairs {
    private GeneratedKeyPairs() {
    }

    /** A real RSA private key in PEM (3072 bits: about 2.4 KB, as in a generated key pair's answer). */
    public static String privateKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                    generator.generateKeyPair().getPrivate().getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key's base64 lines: any one of them in an output is a leak. */
    public static String[] keyLines(String pem) {
        return pem.lines().filter(l -> !l.startsWith("-----")).toArray(String[]::new);
    }

    /** How the key travels in a JSON answer: newlines escaped. */
    public static String inJson(String pem) {
        return pem.replace("\n", "\\n");
    }
}
