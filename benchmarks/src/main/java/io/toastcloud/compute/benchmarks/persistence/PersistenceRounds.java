package io.toastcloud.compute.benchmarks.persistence;

import io.toastcloud.compute.benchmarks.report.Machine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What one durable write costs at a small and at a large state, for the emulator's persistence
 * (docs/BENCHMARKS.md, "Emulator persistence"). The machine is shared: every contender at every
 * size is open at once, the rounds interleave them (see {@link #run}), each round takes the
 * median of its writes, and the bar (a write at 10,000 records at most 1.3x one at 100)
 * is a ratio within one round, reported with its spread over the rounds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.toastcloud.compute.benchmarks.persistence.PersistenceRounds \
 *     --rounds=5 --writes=200 --sizes=100,10000 --part=all
 * </pre>
 *
 * {@code --part=stores}: one record replaced in each store (the emulator's journal through its
 * registry, the previous whole-file snapshot, H2 MVStore, SQLite WAL); {@code --part=emulator}: an
 * HTTP create and delete of a key pair, emulator in memory and with {@code --data-dir}.
 * {@code --dir=D} puts the stores under D (default: a temporary directory, removed at the end).
 */
public final class PersistenceRounds {
    private static final double BAR = 1.3;

    /** A contender at one size, ready to be timed write after write. */
    private interface Timed extends AutoCloseable {
        /** Performs write number {@code n}; returns how long the writes that count as one took, in nanoseconds. */
        long once(int n) throws Exception;

        /** How many writes one {@link #once} is. */
        int writesPerCall();

        @Override
        void close() throws Exception;
    }

    private record Key(String contender, int size) {
    }

    private PersistenceRounds() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        int writes = Integer.parseInt(options.getOrDefault("writes", "200"));
        int[] sizes = Arrays.stream(options.getOrDefault("sizes", "100,10000").split(",")).mapToInt(Integer::parseInt).toArray();
        String part = options.getOrDefault("part", "all");
        boolean temporary = !options.containsKey("dir");
        Path root = temporary ? Files.createTempDirectory("toast-persistence-") : Files.createDirectories(Path.of(options.get("dir")));
        System.out.println("# " + Machine.describe());
        System.out.println("# rounds=" + rounds + " writes=" + writes + " sizes=" + Arrays.toString(sizes) + " part=" + part);
        try {
            Map<Key, Timed> contenders = open(part, sizes, root);
            Map<Key, List<Double>> medians = run(contenders, rounds, writes);
            for (Timed t : contenders.values()) {
                t.close();
            }
            report(medians, sizes);
        } finally {
            if (temporary) {
                delete(root);
            }
        }
    }

    private static Map<Key, Timed> open(String part, int[] sizes, Path root) throws Exception {
        Map<Key, Timed> all = new LinkedHashMap<>();
        Map<String, Supplier<StoreContender>> stores = new LinkedHashMap<>();
        stores.put("store: emulator journal", JournalContender::new);
        stores.put("store: previous snapshot", SnapshotContender::new);
        stores.put("store: H2 MVStore", MvStoreContender::new);
        stores.put("store: SQLite WAL", SqliteContender::new);
        for (int size : sizes) {
            if (part.equals("all") || part.equals("stores")) {
                for (Map.Entry<String, Supplier<StoreContender>> s : stores.entrySet()) {
                    all.put(new Key(s.getKey(), size), store(s.getValue().get(), root.resolve(slug(s.getKey()) + "-" + size), size));
                }
            }
            if (part.equals("all") || part.equals("emulator")) {
                all.put(new Key("emulator: in memory", size), emulator(null, size));
                all.put(new Key("emulator: --data-dir", size), emulator(root.resolve("emulator-" + size), size));
            }
        }
        return all;
    }

    private static Timed store(StoreContender store, Path dir, int size) throws Exception {
        Files.createDirectories(dir);
        store.open(dir, size);
        return new Timed() {
            @Override
            public long once(int n) throws Exception {
                long start = System.nanoTime();
                store.write(n % size, n + 1);
                return System.nanoTime() - start;
            }

            @Override
            public int writesPerCall() {
                return 1;
            }

            @Override
            public void close() throws IOException {
                store.close();
            }
        };
    }

    private static Timed emulator(Path dataDir, int size) throws Exception {
        EmulatorWrites e = new EmulatorWrites(dataDir, size);
        if (e.count() != size) {
            throw new IllegalStateException("the emulator holds " + e.count() + " key pairs, not " + size);
        }
        return new Timed() {
            @Override
            public long once(int n) throws Exception {
                long start = System.nanoTime();
                e.create("measured-" + n);
                e.delete("measured-" + n);
                return System.nanoTime() - start;
            }

            @Override
            public int writesPerCall() {
                return 2;
            }

            @Override
            public void close() {
                e.close();
            }
        };
    }

    /**
     * Each round runs every contender in turn (the order rotates by one each round); within a
     * contender, its sizes alternate write by write, so that a burst of someone else's work on the
     * machine falls on both sides of the ratio alike.
     */
    private static Map<Key, List<Double>> run(Map<Key, Timed> contenders, int rounds, int writes) throws Exception {
        Map<Key, List<Double>> medians = new LinkedHashMap<>();
        List<String> names = contenders.keySet().stream().map(Key::contender).distinct().toList();
        int n = 0;
        for (Timed t : contenders.values()) { // warm-up, not reported
            for (int i = 0; i < writes / 2; i++) {
                t.once(n++);
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                List<Key> sizes = contenders.keySet().stream().filter(k -> k.contender().equals(name)).toList();
                Map<Key, double[]> each = new LinkedHashMap<>();
                sizes.forEach(k -> each.put(k, new double[writes]));
                for (int w = 0; w < writes; w++) {
                    for (int s = 0; s < sizes.size(); s++) {
                        Key k = sizes.get((s + w) % sizes.size());
                        Timed t = contenders.get(k);
                        each.get(k)[w] = t.once(n++) / 1000.0 / t.writesPerCall();
                    }
                }
                each.forEach((k, v) -> {
                    Arrays.sort(v);
                    medians.computeIfAbsent(k, x -> new ArrayList<>()).add(v[v.length / 2]);
                });
            }
            System.out.println("# round " + (round + 1) + " done");
        }
        return medians;
    }

    private static void report(Map<Key, List<Double>> medians, int[] sizes) {
        int small = sizes[0];
        int large = sizes[sizes.length - 1];
        System.out.println();
        System.out.printf(Locale.ROOT, "| contender | µs per write at %d | µs per write at %d | ratio %d/%d (median, min-max over rounds) | bar %.1fx |%n",
                small, large, large, small, BAR);
        System.out.println("|---|---:|---:|---|---|");
        medians.keySet().stream().map(Key::contender).distinct().forEach(c -> {
            List<Double> a = medians.get(new Key(c, small));
            List<Double> b = medians.get(new Key(c, large));
            double[] ratios = new double[a.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = b.get(i) / a.get(i);
            }
            Arrays.sort(ratios);
            double ratio = ratios[ratios.length / 2];
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.2fx (%.2f-%.2f) | %s |%n", c, median(a), median(b), ratio,
                    ratios[0], ratios[ratios.length - 1], ratio <= BAR ? "met" : "missed");
        });
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[v.length / 2];
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
