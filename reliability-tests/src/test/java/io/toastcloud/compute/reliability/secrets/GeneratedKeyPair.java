package io.toastcloud.compute.reliability.secrets;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

/**
 * A private key as large as the one in a generated key pair's answer (RSA 3072 in PEM, about
 * 2.4 KB), made fresh for each run, and its base64 lines: any one of them printed is a leak.
 */
final class GeneratedKeyPair {
    final String pem;
    final List<String> lines;

    private GeneratedKeyPair(String pem) {
        this.pem = pem;
        this.lines = pem.lines().filter(l -> !l.startsWith("-----")).toList();
    }

    static GeneratedKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                    generator.generateKeyPair().getPrivate().getEncoded());
            return new GeneratedKeyPair("-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as a JSON string's content (newlines escaped). */
    String inJson() {
        return pem.replace("\n", "\\n");
    }

    /** The first line of the key found in {@code text}, or null. */
    String findIn(String text) {
        return lines.stream().filter(text::contains).findFirst().orElse(null);
    }
}
