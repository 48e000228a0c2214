package io.toastcloud.compute.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.emulator.keys.SshKeys;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SshKeysTest {
    /** Made with {@code ssh-keygen -t ed25519}; its MD5 fingerprint from {@code ssh-keygen -l -E md5}. */
    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHFFlsd3A102hJUTX+aPew3FD4tO7FNIMMkmU8Rdaz/n user@laptop";
    static final String ED25519_MD5 = "0b:b8:9c:da:44:54:25:1b:21:8d:2b:5b:37:1f:4f:41";

    @Test
    void fingerprintIsTheMd5OfTheKeyBlobAsSshKeygenPrintsIt() {
        assertEquals(Optional.of(ED25519_MD5), SshKeys.fingerprint(ED25519));
    }

    @Test
    void aLineThatIsNotAnOpenSshPublicKeyHasNoFingerprint() {
        assertEquals(Optional.empty(), SshKeys.fingerprint("hello"));
        assertEquals(Optional.empty(), SshKeys.fingerprint("ssh-rsa not-base64!"));
        assertEquals(Optional.empty(), SshKeys.fingerprint("ssh-rsa " + ED25519.split(" ")[1]), "the blob names another type");
        assertEquals(Optional.empty(), SshKeys.fingerprint("ssh-foo " + ED25519.split(" ")[1]));
    }

    @Test
    void aGeneratedPairIsAnRsaKeyWhosePrivateHalfMatchesItsPublicHalf() throws Exception {
        SshKeys.Generated pair = SshKeys.generate();
        assertTrue(pair.publicKey().startsWith("ssh-rsa AAAA"), pair.publicKey());
        assertEquals(Optional.of(pair.fingerprint()), SshKeys.fingerprint(pair.publicKey()));
        String pem = pair.privateKeyPem();
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n") && pem.endsWith("-----END PRIVATE KEY-----\n"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(pair.publicKey().split(" ")[1]));
        assertEquals("ssh-rsa", new String(next(blob)));
        assertEquals(key.getPublicExponent(), new BigInteger(next(blob)));
        assertEquals(key.getModulus(), new BigInteger(next(blob)));
        assertEquals(2048, key.getModulus().bitLength());
        assertTrue(pair.toString().contains("redacted") && !pair.toString().contains("PRIVATE KEY"));
    }

    private static byte[] next(ByteBuffer blob) {
        byte[] value = new byte[blob.getInt()];
        blob.get(value);
        return value;
    }
}
