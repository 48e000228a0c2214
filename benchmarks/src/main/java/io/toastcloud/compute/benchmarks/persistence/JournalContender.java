package io.toastcloud.compute.benchmarks.persistence;

import io.toastcloud.compute.emulator.state.Catalog;
import io.toastcloud.compute.emulator.state.JournalStore;
import io.toastcloud.compute.emulator.state.KeypairRecord;
import io.toastcloud.compute.emulator.state.Lifecycle;
import io.toastcloud.compute.emulator.state.Tenant;
import io.toastcloud.compute.emulator.state.TenantRegistry;
import io.toastcloud.compute.emulator.state.TenantState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** The emulator's store as the emulator uses it: a write through {@link Tenant#write}, one journal entry forced. */
final class JournalContender implements StoreContender {
    static final String APPKEY = "benchmark-appkey";
    private static final Catalog CATALOG = Catalog.load();
    private JournalStore store;
    private Tenant tenant;

    @Override
    public void open(Path dir, int records) throws IOException {
        store = JournalStore.open(dir);
        TenantRegistry registry = new TenantRegistry(CATALOG, new Lifecycle(CATALOG), Clock.systemUTC(), store);
        tenant = registry.tenant(APPKEY);
        tenant.write(tx -> {
            for (int i = 0; i < records; i++) {
                tx.state().keypairs.put("key-" + i, keypair(i, 0));
            }
            return null;
        });
    }

    @Override
    public void write(int index, int version) {
        tenant.write(tx -> tx.state().keypairs.put("key-" + index, keypair(index, version)));
    }

    @Override
    public String readAfterReopen(Path dir, int index) throws IOException {
        close();
        try (JournalStore reopened = JournalStore.open(dir)) {
            TenantState state = reopened.loaded().iterator().next();
            return state.keypairs.get("key-" + index).fingerprint;
        }
    }

    private static KeypairRecord keypair(int index, int version) {
        KeypairRecord k = new KeypairRecord();
        k.name = "key-" + index;
        k.publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG0ZkL3bVgJm1p5n4xQm9bYV2ZbTq7W8j8d2tXo5CqRk user@example.com";
        k.fingerprint = fingerprint(index, version);
        k.createdAt = 1_780_000_000_000L + version;
        return k;
    }

    static String fingerprint(int index, int version) {
        return "SHA256:" + Integer.toHexString(index) + "-" + version + "-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";
    }

    @Override
    public void close() throws IOException {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
