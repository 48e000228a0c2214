package io.toastcloud.compute.reliability.support;

import java.util.List;

/**
 * Known secret values the suites plant in requests and answers, and then hunt for in every log
 * line, {@code toString()} and exception text. Each is long and unlike anything else in the
 * output, so that finding it anywhere is proof of a leak.
 */
public final class Secrets {
    public static final String APPKEY = "rel-appkey-4c2f";
    public static final String USER = "reliability@example.com";
    public static final String PASSWORD = "Api-Passw0rd-S3CRET-91b7d2";
    public static final String TOKEN_ID = "tok-S3CRET-5e0a1c77-2b9d-4f3e-a6c1";
    /** The body of a generated private key; the PEM armour around it is not secret by itself. */
    public static final String PRIVATE_KEY_MATERIAL = "MIIEpAIBAAKCAQEA0S3CRETprivateKEYmaterial4reliabilityTESTS";
    public static final String PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\n" + PRIVATE_KEY_MATERIAL
            + "\n-----END RSA PRIVATE KEY-----\n";

    /** What must never be printed. */
    public static final List<String> ALL = List.of(PASSWORD, TOKEN_ID, PRIVATE_KEY_MATERIAL);

    private Secrets() {
    }

    /** The secret found in {@code text}, or null. */
    public static String findIn(String text) {
        if (text == null) {
            return null;
        }
        for (String secret : ALL) {
            if (text.contains(secret)) {
                return secret;
            }
        }
        return null;
    }
}
