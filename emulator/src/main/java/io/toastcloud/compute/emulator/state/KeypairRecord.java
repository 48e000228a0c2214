package io.toastcloud.compute.emulator.state;

/** A key pair. The private key of a generated pair is returned once and never kept. */
public final class KeypairRecord {
    public String name;
    public String publicKey;
    public String fingerprint;
    public long createdAt;
}
