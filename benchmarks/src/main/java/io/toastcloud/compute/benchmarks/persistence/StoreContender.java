package io.toastcloud.compute.benchmarks.persistence;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One way to keep an appkey's records on disk, each write durable (forced) before it returns: the
 * emulator's journal, the previous whole-file snapshot, H2's MVStore, SQLite. Every contender
 * holds {@code records} key-pair-sized records and a write replaces one of them, so the state
 * keeps its size however many writes are measured.
 */
interface StoreContender extends AutoCloseable {
    /** Creates the store in {@code dir} holding {@code records} records (not timed). */
    void open(Path dir, int records) throws Exception;

    /** Replaces record {@code index} by a new version {@code version} and makes it durable. */
    void write(int index, int version) throws Exception;

    /** Record {@code index} as a fresh open of {@code dir} reads it (for the smoke test). */
    String readAfterReopen(Path dir, int index) throws Exception;

    @Override
    void close() throws IOException;

    /** The JSON of one record, the size of an imported ED25519 key pair (about 220 bytes, as in issue 15). */
    static String record(int index, int version) {
        return "{\"name\":\"key-" + index + "\",\"publicKey\":\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG0ZkL3bVgJm1p5n4x"
                + "Qm9bYV2ZbTq7W8j8d2tXo5CqRk user@example.com\",\"fingerprint\":\"SHA256:" + Integer.toHexString(index)
                + "-" + version + "-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU\",\"createdAt\":" + (1_780_000_000_000L + version)
                + "}";
    }
}
