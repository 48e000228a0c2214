package io.toastcloud.compute.benchmarks.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistence benchmark, run small outside its rounds: every store keeps the write it was
 * timed on (a reopen reads it back), the emulator holds what it was filled with, and the runner
 * prints a row per contender.
 */
class PersistenceSmokeTest {
    @TempDir
    Path dir;

    @Test
    void everyStoreKeepsTheWriteItIsTimedOn() throws Exception {
        List<Supplier<StoreContender>> stores = List.of(JournalContender::new, SnapshotContender::new,
                MvStoreContender::new, SqliteContender::new);
        for (Supplier<StoreContender> make : stores) {
            Path own = Files.createDirectories(dir.resolve(make.get().getClass().getSimpleName()));
            try (StoreContender store = make.get()) {
                store.open(own, 20);
                store.write(3, 7);
                String read = store.readAfterReopen(own, 3);
                assertTrue(read != null && read.contains("3-7-"), store.getClass().getSimpleName() + " read back " + read);
            }
        }
    }

    @Test
    void theEmulatorHoldsWhatItWasFilledWithAndTheRunnerReportsEveryContender() throws Exception {
        try (EmulatorWrites emulator = new EmulatorWrites(dir.resolve("emulator"), 5)) {
            emulator.create("extra");
            assertEquals(6, emulator.count());
            emulator.delete("extra");
            assertEquals(5, emulator.count());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            PersistenceRounds.main(new String[] {"--rounds=1", "--writes=2", "--sizes=3,5", "--dir=" + dir.resolve("run")});
        } finally {
            System.setOut(original);
        }
        String report = out.toString(StandardCharsets.UTF_8);
        for (String contender : List.of("emulator journal", "previous snapshot", "H2 MVStore", "SQLite WAL", "in memory", "--data-dir")) {
            assertTrue(report.contains("| store: " + contender + " |") || report.contains("| emulator: " + contender + " |"),
                    contender + " in " + report);
        }
    }
}
