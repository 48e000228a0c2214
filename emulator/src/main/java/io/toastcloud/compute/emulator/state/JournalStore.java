package io.toastcloud.compute.emulator.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every appkey's state in one append-only {@link Journal}, {@code DIR/state.journal}: a
 * write appends one entry with the records it changed (and forces it to disk before the answer),
 * so its cost depends on what it changed, not on how much the appkey holds. Appkeys and ids are
 * inside the entries, never in file names, so any appkey of any length can be saved.
 *
 * <p>The store keeps in memory the bytes of every record as last saved: a write compares a
 * record it was handed with them and saves only records that differ, and compaction (when the
 * journal holds more than twice what is live, and at least {@link #compactAfterBytes}) rewrites
 * the journal from them without serializing anything. The directory is locked
 * ({@code DIR/emulator.lock}) against a second emulator. At start the store removes what a crash
 * can leave (an unfinished rewrite, the previous format's {@code .tmp} files) and converts the
 * previous format's snapshot files ({@code appkey-<hex>.json}, format version 1).
 */
public final class JournalStore implements Persistence {
    static final String JOURNAL = "state.journal";
    static final String LOCK = "emulator.lock";
    /** The system property that sets {@link #compactAfterBytes} (tests make it small to compact often). */
    public static final String COMPACT_AFTER_PROPERTY = "toast.emulator.compactAfterBytes";
    private static final long DEFAULT_COMPACT_AFTER = 8L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(JournalStore.class);

    static final ObjectMapper MAPPER = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A record as last saved: its bytes, and the object they were made from. */
    private record Saved(Object value, byte[] json) {
    }

    /** What is on disk for one appkey. */
    private static final class Mirror {
        long stepSeq;
        final Map<String, Map<String, Saved>> kinds = new LinkedHashMap<>();

        Map<String, Saved> kind(String kind) {
            return kinds.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        }
    }

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final long compactAfterBytes;
    private final Map<String, Mirror> mirrors = new HashMap<>();
    private final Map<String, TenantState> loaded = new LinkedHashMap<>();
    private Journal journal;
    private long liveBytes;

    private JournalStore(Path dir, long compactAfterBytes) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.compactAfterBytes = compactAfterBytes;
        Path lockFile = dir.resolve(LOCK);
        this.lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock taken;
        try {
            taken = lockChannel.tryLock();
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        if (taken == null) {
            lockChannel.close();
            throw new IOException(dir + " is in use by another emulator (" + lockFile + " is locked)");
        }
        this.lock = taken;
    }

    /** Opens (or creates) the store in {@code dir} and reads what it holds. */
    public static JournalStore open(Path dir) throws IOException {
        return open(dir, Long.getLong(COMPACT_AFTER_PROPERTY, DEFAULT_COMPACT_AFTER));
    }

    static JournalStore open(Path dir, long compactAfterBytes) throws IOException {
        JournalStore store = new JournalStore(dir, compactAfterBytes);
        try {
            store.load();
            return store;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    /** Every appkey's saved state, as read at start. */
    public Collection<TenantState> loaded() {
        return loaded.values();
    }

    private void load() throws IOException {
        Path file = dir.resolve(JOURNAL);
        Files.deleteIfExists(Journal.rewriting(file)); // an unfinished rewrite: the journal is still whole
        List<LegacySnapshots.Snapshot> legacy = LegacySnapshots.read(dir); // refuses an unknown version first
        List<IOException> bad = new ArrayList<>();
        journal = Journal.open(file, entry -> {
            try {
                apply(EntryCodec.decode(entry));
            } catch (IOException | RuntimeException e) {
                bad.add(new IOException(file + ": an entry cannot be read: " + e.getMessage(), e));
            }
        });
        if (!bad.isEmpty()) {
            throw bad.get(0);
        }
        for (LegacySnapshots.Snapshot old : legacy) {
            // An appkey the journal already has was converted by a start that stopped before
            // removing the old file; the journal is newer.
            if (!loaded.containsKey(old.state().appkey)) {
                loaded.put(old.state().appkey, old.state());
                save(old.state());
                LOG.info("converted {} (state format version 1) into {}", old.file().getFileName(), JOURNAL);
            }
        }
        LegacySnapshots.remove(dir, legacy);
    }

    private void apply(EntryCodec.Entry entry) throws IOException {
        if (entry.type() == EntryCodec.RESET) {
            forget(entry.appkey());
            loaded.remove(entry.appkey());
            return;
        }
        TenantState state = loaded.computeIfAbsent(entry.appkey(), key -> {
            TenantState s = new TenantState();
            s.appkey = key;
            return s;
        });
        state.stepSeq = entry.stepSeq();
        Mirror mirror = mirrors.computeIfAbsent(entry.appkey(), k -> new Mirror());
        mirror.stepSeq = entry.stepSeq();
        for (EntryCodec.Change change : entry.changes()) {
            Records<?> records = kind(state, change.kind());
            if (change.json() == null) {
                records.untracked().remove(change.id());
                remember(mirror, change.kind(), change.id(), null);
            } else {
                Object value = put(records, change.id(), change.json());
                remember(mirror, change.kind(), change.id(), new Saved(value, change.json()));
            }
        }
    }

    private static <V> V put(Records<V> records, String id, byte[] json) throws IOException {
        V value = MAPPER.readValue(json, records.type());
        records.untracked().put(id, value);
        return value;
    }

    private static Records<?> kind(TenantState state, String kind) throws IOException {
        for (Records<?> r : state.kinds()) {
            if (r.kind().equals(kind)) {
                return r;
            }
        }
        throw new IOException("unknown kind of record '" + kind + "'");
    }

    @Override
    public synchronized void save(TenantState state) throws IOException {
        Mirror mirror = mirrors.get(state.appkey);
        boolean whole = mirror == null; // an appkey new to the store: everything it has, once
        Mirror target = whole ? new Mirror() : mirror;
        List<EntryCodec.Change> changes = new ArrayList<>();
        List<Saved> saved = new ArrayList<>();
        for (Records<?> records : state.kinds()) {
            Map<String, Saved> onDisk = target.kind(records.kind());
            Collection<String> ids = whole ? records.untracked().keySet() : records.handedOut();
            for (String id : ids) {
                Object value = records.untracked().get(id);
                Saved before = onDisk.get(id);
                if (value == null) {
                    if (before != null) {
                        changes.add(new EntryCodec.Change(records.kind(), id, null));
                        saved.add(null);
                    }
                } else if (before == null || !(before.value() == value && value.getClass().isRecord())) {
                    // A Java record (a token) is immutable: the same object is the same record.
                    byte[] json = MAPPER.writeValueAsBytes(value);
                    if (before == null || !Arrays.equals(before.json(), json)) {
                        changes.add(new EntryCodec.Change(records.kind(), id, json));
                        saved.add(new Saved(value, json));
                    }
                }
            }
        }
        if (changes.isEmpty() && !whole && target.stepSeq == state.stepSeq) {
            return; // nothing changed: nothing to force
        }
        journal.append(EntryCodec.changes(state.appkey, state.stepSeq, changes));
        target.stepSeq = state.stepSeq;
        for (int i = 0; i < changes.size(); i++) {
            remember(target, changes.get(i).kind(), changes.get(i).id(), saved.get(i));
        }
        mirrors.put(state.appkey, target);
        compactIfWorthIt();
    }

    private void remember(Mirror mirror, String kind, String id, Saved value) {
        Map<String, Saved> onDisk = mirror.kind(kind);
        Saved old = value == null ? onDisk.remove(id) : onDisk.put(id, value);
        liveBytes += (value == null ? 0 : value.json().length) - (old == null ? 0 : old.json().length);
    }

    @Override
    public synchronized void reset(String appkey) throws IOException {
        if (!mirrors.containsKey(appkey)) {
            return;
        }
        journal.append(EntryCodec.reset(appkey));
        forget(appkey);
        compactIfWorthIt();
    }

    private void forget(String appkey) {
        Mirror gone = mirrors.remove(appkey);
        if (gone != null) {
            gone.kinds.values().forEach(m -> m.values().forEach(s -> liveBytes -= s.json().length));
        }
    }

    private void compactIfWorthIt() throws IOException {
        if (journal.size() > compactAfterBytes && journal.size() > 2 * liveBytes) {
            compact();
        }
    }

    /** Rewrites the journal with one entry per appkey holding its live records, from the saved bytes. */
    @Override
    public synchronized void compact() throws IOException {
        List<byte[]> entries = new ArrayList<>(mirrors.size());
        mirrors.forEach((appkey, mirror) -> {
            List<EntryCodec.Change> all = new ArrayList<>();
            mirror.kinds.forEach((kind, records) -> records.forEach((id, s) -> all.add(new EntryCodec.Change(kind, id, s.json()))));
            entries.add(EntryCodec.changes(appkey, mirror.stepSeq, all));
        });
        long before = journal.size();
        journal.rewrite(entries);
        LOG.debug("compacted {}: {} -> {} bytes", JOURNAL, before, journal.size());
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (journal != null) {
                journal.close();
            }
        } finally {
            try {
                lock.release();
            } catch (IOException | UncheckedIOException ignored) {
                // closing the channel releases it too
            }
            lockChannel.close();
        }
    }
}
