package io.toastcloud.compute.emulator.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Keeps each appkey's state in {@code DIR/appkey-<hex of the appkey>.json}. A save writes a
 * temporary file in the same directory, forces it to disk, renames it over the old file
 * (atomic) and forces the directory: after a crash the file is the old state or the new one,
 * never half of each. The files hold token ids; they are created readable by the owner only.
 */
public final class SnapshotStore implements Persistence {
    private static final String PREFIX = "appkey-";
    private static final String SUFFIX = ".json";

    private final Path dir;
    private final ObjectMapper mapper = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SnapshotStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Every appkey's saved state. */
    public List<TenantState> loadAll() throws IOException {
        List<TenantState> states = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                TenantState state = mapper.readValue(file.toFile(), TenantState.class);
                if (state.version != TenantState.FORMAT_VERSION) {
                    throw new IOException(file + " has format version " + state.version + ", this emulator reads "
                            + TenantState.FORMAT_VERSION);
                }
                states.add(state);
            }
        }
        return states;
    }

    @Override
    public void save(TenantState state) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(state);
        Path target = dir.resolve(fileName(state.appkey));
        Path temp = Files.createTempFile(dir, PREFIX, ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory();
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException notSupported) {
            // Some file systems cannot open a directory; the rename itself is still atomic.
        }
    }

    static String fileName(String appkey) {
        return PREFIX + HexFormat.of().formatHex(appkey.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
    }
}
