package io.toastcloud.compute.contracttests.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;

/** Public keys in the OpenSSH format ({@code ssh-ed25519 <base64 blob> comment}), made fresh with the JDK. */
public final class OpenSshKeys {
    private static final String TYPE = "ssh-ed25519";

    private OpenSshKeys() {
    }

    /** A new Ed25519 public key as {@code ~/.ssh/id_ed25519.pub} holds it. */
    public static String newEd25519PublicKey(String comment) {
        try {
            byte[] x509 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
            // The X.509 SubjectPublicKeyInfo of Ed25519 ends with the 32-byte raw key.
            byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            writeString(blob, TYPE.getBytes(StandardCharsets.US_ASCII));
            writeString(blob, raw);
            return TYPE + " " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " " + comment;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** SSH wire format: a 4-byte big-endian length, then the bytes. */
    private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(bytes);
    }
}
