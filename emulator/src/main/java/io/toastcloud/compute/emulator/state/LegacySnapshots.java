package io.toastcloud.compute.emulator.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The previous format (state format version 1): one JSON snapshot per appkey,
 * {@code DIR/appkey-<hex of the appkey>.json}, rewritten whole after every change through a
 * {@code appkey-*.tmp} file. {@link JournalStore} reads these once, saves them in its journal,
 * then removes them and any {@code .tmp} file a crash left.
 */
final class LegacySnapshots {
    static final int VERSION = 1;
    private static final String PREFIX = "appkey-";

    /** A snapshot file and the state it holds. */
    record Snapshot(Path file, TenantState state) {
    }

    /** A version 1 snapshot, as it was written (field names are the format). */
    static final class Version1 {
        int version;
        String appkey;
        long stepSeq;
        Map<String, TokenRecord> tokens = new LinkedHashMap<>();
        Map<String, KeypairRecord> keypairs = new LinkedHashMap<>();
        Map<String, SecurityGroupRecord> securityGroups = new LinkedHashMap<>();
        Map<String, InstanceRecord> instances = new LinkedHashMap<>();
        Map<String, VolumeRecord> volumes = new LinkedHashMap<>();
        Map<String, ImageRecord> images = new LinkedHashMap<>();
        Map<String, FloatingIpRecord> floatingIps = new LinkedHashMap<>();
    }

    private LegacySnapshots() {
    }

    /** Every snapshot file in {@code dir}; a file of another version is refused, naming it. */
    static List<Snapshot> read(Path dir) throws IOException {
        List<Snapshot> snapshots = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*.json")) {
            for (Path file : files) {
                JsonNode tree;
                try {
                    tree = JournalStore.MAPPER.readTree(file.toFile());
                } catch (JsonProcessingException e) {
                    // Only where: the parser's message can quote the file, and the file holds token ids.
                    String where = e.getLocation() == null ? ""
                            : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
                    throw new IOException(file + " is not a state snapshot of this emulator (not JSON" + where + ")");
                }
                JsonNode version = tree == null ? null : tree.get("version");
                if (version == null || !version.isInt() || version.intValue() != VERSION) {
                    throw new IOException(file + " has state format version " + (version == null ? "(none)" : version)
                            + "; this emulator reads version " + VERSION + " snapshot files (which it converts) and version "
                            + Journal.FORMAT_VERSION + " journals");
                }
                snapshots.add(new Snapshot(file, toState(JournalStore.MAPPER.treeToValue(tree, Version1.class))));
            }
        }
        return snapshots;
    }

    private static TenantState toState(Version1 old) {
        TenantState state = new TenantState();
        state.appkey = old.appkey;
        state.stepSeq = old.stepSeq;
        state.tokens.untracked().putAll(old.tokens);
        state.keypairs.untracked().putAll(old.keypairs);
        state.securityGroups.untracked().putAll(old.securityGroups);
        state.instances.untracked().putAll(old.instances);
        state.volumes.untracked().putAll(old.volumes);
        state.images.untracked().putAll(old.images);
        state.floatingIps.untracked().putAll(old.floatingIps);
        return state;
    }

    /** Removes converted snapshot files and the temporary files the previous format's crashes left. */
    static void remove(Path dir, List<Snapshot> converted) throws IOException {
        boolean removed = false;
        for (Snapshot s : converted) {
            removed |= Files.deleteIfExists(s.file());
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*.tmp")) {
            for (Path orphan : files) {
                removed |= Files.deleteIfExists(orphan);
            }
        }
        if (removed) {
            Journal.forceDirectory(dir);
        }
    }
}
