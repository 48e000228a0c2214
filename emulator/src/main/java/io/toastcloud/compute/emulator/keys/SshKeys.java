package io.toastcloud.compute.emulator.keys;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * SSH key pairs as the service makes them: a generated pair is RSA 2048 with the public key in
 * OpenSSH form ({@code ssh-rsa AAAA... Generated-by-Nova}) and the private key in PEM; a
 * fingerprint is the MD5 of the public key blob in colon-separated hex (the guide's form).
 */
public final class SshKeys {
    private static final Set<String> KEY_TYPES = Set.of("ssh-rsa", "ssh-dss", "ssh-ed25519", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");

    private SshKeys() {
    }

    /** A new pair. The private key is a secret: hand it to the caller once, keep it nowhere. */
    public record Generated(String publicKey, String privateKeyPem, String fingerprint) {
        @Override
        public String toString() {
            return "Generated[fingerprint=" + fingerprint + ", privateKey=*** redacted ***]";
        }
    }

    public static Generated generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            byte[] blob = blob("ssh-rsa", pub.getPublicExponent(), pub.getModulus());
            String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + " Generated-by-Nova";
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            return new Generated(publicKey, pem, fingerprint(blob));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }

    /** The fingerprint of an OpenSSH public key line ({@code type base64 [comment]}); empty when it is not one. */
    public static Optional<String> fingerprint(String openSshPublicKey) {
        String[] parts = openSshPublicKey.trim().split("\\s+");
        if (parts.length < 2 || !KEY_TYPES.contains(parts[0])) {
            return Optional.empty();
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!parts[0].equals(firstString(blob))) {
            return Optional.empty();
        }
        return Optional.of(fingerprint(blob));
    }

    private static String firstString(byte[] blob) {
        if (blob.length < 4) {
            return null;
        }
        int length = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (length < 0 || length > blob.length - 4) {
            return null;
        }
        return new String(blob, 4, length, StandardCharsets.US_ASCII);
    }

    private static String fingerprint(byte[] blob) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(blob);
            return HexFormat.ofDelimiter(":").formatHex(md5);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }

    private static byte[] blob(String type, BigInteger exponent, BigInteger modulus) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            byte[] name = type.getBytes(StandardCharsets.US_ASCII);
            out.writeInt(name.length);
            out.write(name);
            for (BigInteger mpint : new BigInteger[] {exponent, modulus}) {
                byte[] value = mpint.toByteArray();
                out.writeInt(value.length);
                out.write(value);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
