package io.toastcloud.compute.benchmarks.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's previous format, for reference: after every change the whole appkey's state is
 * written to a temporary file, forced, renamed over the old file, and the directory forced.
 */
final class SnapshotContender implements StoreContender {
    private final List<String> records = new ArrayList<>();
    private Path dir;

    @Override
    public void open(Path dir, int count) throws IOException {
        this.dir = dir;
        for (int i = 0; i < count; i++) {
            records.add(StoreContender.record(i, 0));
        }
        save();
    }

    @Override
    public void write(int index, int version) throws IOException {
        records.set(index, StoreContender.record(index, version));
        save();
    }

    private void save() throws IOException {
        StringBuilder json = new StringBuilder(records.size() * 240).append("{\"version\":1,\"keypairs\":{");
        for (int i = 0; i < records.size(); i++) {
            json.append(i == 0 ? "" : ",").append("\"key-").append(i).append("\":").append(records.get(i));
        }
        byte[] bytes = json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
        Path temp = Files.createTempFile(dir, "appkey-", ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(temp, dir.resolve("appkey-62656e6368.json"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    @Override
    public String readAfterReopen(Path dir, int index) throws IOException {
        String all = Files.readString(dir.resolve("appkey-62656e6368.json"));
        int at = all.indexOf("\"key-" + index + "\":");
        return all.substring(at, all.indexOf('}', at));
    }

    @Override
    public void close() {
    }
}
