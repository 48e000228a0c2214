package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash loses no acknowledged write and leaves nothing behind: an emulator in a child JVM is
 * killed (SIGKILL: no shutdown hook, no flush) while clients write to it; a restart on the same
 * data directory must have every write that was answered, and the directory only its files. The
 * child compacts every 32 KB, so the writes cross several journal rewrites.
 */
class CrashTest {
    private static final Pattern ENDPOINT = Pattern.compile("TOAST Compute emulator: (http://[0-9.:]+) ");
    private static final int WRITERS = 4;
    /** Acknowledged writes to wait for before the kill: enough for several compactions at the child's threshold. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 400;
    /** Updates of each group after its creation: old versions for the compaction to drop. */
    private static final int UPDATES = 3;

    @TempDir
    Path dataDir;

    @Test
    void killDashNineMidWriteLosesNoAcknowledgedWriteAndLeavesNoOrphans() throws Exception {
        String appkey = EmulatorHarness.freshAppkey();
        Process child = startChild();
        Map<String, Integer> acknowledged;
        try {
            String endpoint = endpointOf(child);
            acknowledged = writeUntilKilled(child, endpoint, appkey);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(compactions.get() > 0, "the journal was compacted (rewritten) while the clients wrote");
        assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL / (UPDATES + 1), "groups written before the kill: "
                + acknowledged.size());

        try (EmulatorServer restarted = EmulatorServer.start(EmulatorConfig.builder().port(0).dataDir(dataDir).build())) {
            RawApi api = new RawApi(restarted.endpoint(), appkey).login();
            Map<String, Integer> saved = new HashMap<>();
            ok(api.get("/security-groups")).path("securityGroups").forEach(g -> {
                if (acknowledged.containsKey(g.path("name").asText())) { // not the default group
                    saved.put(g.path("name").asText(), Integer.parseInt(g.path("description").asText().substring(1)));
                }
            });
            List<String> lost = new ArrayList<>();
            // A write may be on disk and unanswered (killed in between): a later version is fine, an older one is a loss.
            acknowledged.forEach((name, version) -> {
                if (saved.getOrDefault(name, -1) < version) {
                    lost.add(name + " v" + version + " (after the restart: " + saved.get(name) + ")");
                }
            });
            assertEquals(List.of(), lost, "acknowledged before the kill, missing after the restart");
            assertEquals(List.of(), restarted.consistencyProblems());
        }
        assertEquals(List.of("emulator.lock", "state.journal"), files(), "the data directory after a crash and a restart");
    }

    @Test
    void whatACrashLeavesIsRemovedAtTheNextStart() throws IOException {
        String appkey = EmulatorHarness.freshAppkey();
        String group;
        try (EmulatorServer first = start()) {
            RawApi api = new RawApi(first.endpoint(), appkey).login();
            group = ok(api.post("/security-groups", SecurityGroupTest.group("kept", "d"))).at("/securityGroup/id").asText();
        }
        // What crashes leave: a temporary file of the previous format (620-820 KB each, issue 12),
        // an unfinished journal rewrite, and half an entry at the end of the journal.
        Files.write(dataDir.resolve("appkey-6b6579-123456789.tmp"), new byte[4096]);
        Files.write(dataDir.resolve("state.journal.rewriting"), new byte[512]);
        Path journal = dataDir.resolve("state.journal");
        long intact = Files.exists(journal) ? Files.size(journal) : 0;
        if (Files.exists(journal)) {
            Files.write(journal, new byte[] {0, 0, 1, 0, 7, 7}, StandardOpenOption.APPEND);
        }
        try (EmulatorServer second = start()) {
            RawApi api = new RawApi(second.endpoint(), appkey).login();
            assertEquals(group, ok(api.get("/security-groups?id=" + group)).at("/securityGroups/0/id").asText(),
                    "the state before the crash is intact");
            try (Stream<Path> all = Files.list(dataDir)) {
                List<String> orphans = all.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".tmp") || n.endsWith(".rewriting")).toList();
                assertEquals(List.of(), orphans, "files a crash left, still there after the restart");
            }
            if (intact > 0) {
                assertTrue(Files.size(journal) >= intact, "the intact part of the journal is kept");
            }
        }
    }

    private EmulatorServer start() {
        return EmulatorServer.start(EmulatorConfig.builder().port(0).dataDir(dataDir).build());
    }

    /** The emulator as its users run it ({@code Main serve}), compacting every 32 KB so a kill can hit a rewrite. */
    private Process startChild() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dtoast.emulator.compactAfterBytes=32768", Main.class.getName(), "serve", "--port", "0",
                "--data-dir", dataDir.toString(), "--verbose")
                .redirectErrorStream(true).start();
    }

    /** Lines of the child's log that tell of a compaction (logged at debug: the child runs with --verbose). */
    private final AtomicInteger compactions = new AtomicInteger();

    private String endpointOf(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String line; (line = out.readLine()) != null && System.nanoTime() < deadline; ) {
            Matcher m = ENDPOINT.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().filter(l -> l.contains("compacted state.journal"))
                        .forEach(l -> compactions.incrementAndGet()), "child-output");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IllegalStateException("the child emulator did not start");
    }

    /**
     * Writers create security groups and update each three times (so that the journal holds old
     * versions and compacts) until the connection dies; the last acknowledged version (0 for the
     * creation) of every group, by name.
     */
    private static Map<String, Integer> writeUntilKilled(Process child, String endpoint, String appkey)
            throws InterruptedException {
        RawApi login = new RawApi(endpoint, appkey).login();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                RawApi api = new RawApi(endpoint, appkey).withToken(login.token());
                for (int n = 0; ; n++) {
                    String name = "w" + writer + "-" + n;
                    String id = null;
                    for (int version = 0; version <= UPDATES; version++) {
                        JsonNode answer;
                        try {
                            String body = SecurityGroupTest.group(name, "v" + version);
                            answer = id == null ? api.post("/security-groups", body) : api.put("/security-groups/" + id, body);
                        } catch (UncheckedIOException | AssertionError killed) {
                            return; // the connection died with the child: this write was not acknowledged
                        }
                        if (!answer.at("/header/isSuccessful").asBoolean()) {
                            refused.add(answer.toString());
                            return;
                        }
                        id = answer.at("/securityGroup/id").asText(id);
                        acknowledged.put(name, version);
                        enough.countDown();
                    }
                }
            }, "writer-" + w);
            t.setDaemon(true);
            t.start();
            writers.add(t);
        }
        assertTrue(enough.await(120, TimeUnit.SECONDS), "the writers got " + acknowledged.size() + " answers");
        child.destroyForcibly(); // SIGKILL while the writers keep writing
        for (Thread t : writers) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertEquals(List.of(), List.copyOf(refused), "every write before the kill succeeds");
        return Map.copyOf(acknowledged);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> all = Files.list(dataDir)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
