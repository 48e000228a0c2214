package io.toastcloud.compute.emulator.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TenantRegistry#reset} and {@link TenantRegistry#resetAll} forget an appkey in memory and on disk. */
class ResetTest {
    @TempDir
    Path dir;

    private final Catalog catalog = Catalog.load();
    private final Lifecycle lifecycle = new Lifecycle(catalog);

    @Test
    void resetForgetsOneAppkeyInMemoryAndOnDiskAndKeepsTheOthers() throws IOException {
        try (JournalStore store = JournalStore.open(dir)) {
            TenantRegistry registry = registry(store);
            keypair(registry, "alpha", "alpha-key");
            keypair(registry, "beta", "beta-key");
            registry.reset("alpha");
            assertTrue(registry.existing("alpha").isEmpty(), "gone from memory");
            assertEquals(Set.of(), keypairs(registry.tenant("alpha")), "a new state, as for a new appkey");
            int groups = registry.tenant("alpha").read(tx -> tx.state().securityGroups.size());
            assertEquals(1, groups, "with its default group");
        }
        try (JournalStore reopened = JournalStore.open(dir)) {
            assertEquals(Set.of("beta"), appkeys(reopened), "alpha is gone from disk (looking at it saved nothing)");
            assertEquals(Set.of("beta-key"), keypairsOf(reopened, "beta"), "beta is untouched");
        }
    }

    @Test
    void resetAllForgetsEveryAppkeyAndItsRecordsLeaveTheFile() throws IOException {
        try (JournalStore store = JournalStore.open(dir)) {
            TenantRegistry registry = registry(store);
            keypair(registry, "alpha", "alpha-key");
            keypair(registry, "beta", "beta-key");
            registry.resetAll();
            assertTrue(registry.all().isEmpty());
        }
        String journal = new String(Files.readAllBytes(dir.resolve(JournalStore.JOURNAL)), StandardCharsets.ISO_8859_1);
        assertFalse(journal.contains("alpha-key") || journal.contains("beta-key"), "compacted: no old record is left in the file");
        try (JournalStore reopened = JournalStore.open(dir)) {
            assertEquals(Set.of(), appkeys(reopened));
        }
    }

    @Test
    void aRequestStillHoldingAResetTenantSavesNothing() throws IOException {
        try (JournalStore store = JournalStore.open(dir)) {
            TenantRegistry registry = registry(store);
            Tenant old = registry.tenant("alpha");
            keypair(registry, "alpha", "before");
            registry.reset("alpha");
            old.write(tx -> tx.state().keypairs.put("late", key("late", tx.now()))); // ordered before the reset
        }
        try (JournalStore reopened = JournalStore.open(dir)) {
            assertEquals(Set.of(), appkeys(reopened), "nothing of the reset appkey came back");
        }
    }

    private TenantRegistry registry(JournalStore store) {
        return new TenantRegistry(catalog, lifecycle, Clock.systemUTC(), store);
    }

    private static void keypair(TenantRegistry registry, String appkey, String name) {
        registry.tenant(appkey).write(tx -> tx.state().keypairs.put(name, key(name, tx.now())));
    }

    private static KeypairRecord key(String name, long now) {
        KeypairRecord k = new KeypairRecord();
        k.name = name;
        k.publicKey = "ssh-ed25519 AAAA";
        k.fingerprint = "f";
        k.createdAt = now;
        return k;
    }

    private static Set<String> keypairs(Tenant tenant) {
        return tenant.read(tx -> Set.copyOf(tx.state().keypairs.keySet()));
    }

    private static Set<String> appkeys(JournalStore store) {
        return store.loaded().stream().map(s -> s.appkey).collect(Collectors.toSet());
    }

    private static Set<String> keypairsOf(JournalStore store, String appkey) {
        return store.loaded().stream().filter(s -> s.appkey.equals(appkey)).findFirst()
                .map(s -> Set.copyOf(s.keypairs.untracked().keySet())).orElse(Set.of());
    }
}
