package io.toastcloud.compute.emulator.state;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of entries, each forced to disk before {@link #append} returns. The file
 * starts with {@code TOASTEMU} and its format version; each entry is its length, the CRC-32C of
 * its bytes, and its bytes. A crash can only cut the last entry (one that was never
 * acknowledged): opening the file drops a cut or garbled tail. {@link #rewrite} replaces the
 * whole file atomically (a new file under a fixed name, forced, then renamed over this one), so
 * a crash leaves the old file or the new one, and at worst the fixed-name file, which
 * {@link JournalStore} removes at the next start.
 */
final class Journal implements Closeable {
    static final int FORMAT_VERSION = 2;
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final byte[] MAGIC = "TOASTEMU".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + Integer.BYTES;
    private static final int FRAME = 2 * Integer.BYTES;
    /** No entry is this large (an appkey's whole state is a few MB at 10,000 records): a larger length is garbage. */
    private static final int MAX_ENTRY = 256 << 20;

    private final Path file;
    private FileChannel channel;
    private long size;

    private Journal(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Opens the journal (creating an empty one when absent), handing every intact entry to {@code entries}. */
    static Journal open(Path file, Consumer<ByteBuffer> entries) throws IOException {
        if (!Files.exists(file)) {
            write(file, List.of());
            forceDirectory(file.getParent());
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long length = channel.size();
            ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(length));
            while (all.hasRemaining() && channel.read(all) >= 0) {
                // read the whole file: a few MB at most, and it is read once, at start
            }
            all.flip();
            checkHeader(file, all);
            long end = readEntries(all, entries);
            if (end < length) {
                LOG.warn("{}: dropped the last {} byte(s), an entry cut by a crash before it was acknowledged", file,
                        length - end);
                channel.truncate(end);
                channel.force(true);
            }
            channel.position(end);
            return new Journal(file, channel, end);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void checkHeader(Path file, ByteBuffer all) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        if (all.remaining() < HEADER) {
            throw new IOException(file + " is not a state journal of this emulator (" + all.remaining() + " bytes)");
        }
        all.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(file + " is not a state journal of this emulator (it does not start with TOASTEMU)");
        }
        int version = all.getInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(file + " has state format version " + version + "; this emulator reads version "
                    + FORMAT_VERSION + " journals (and version 1 snapshot files, which it converts)");
        }
    }

    /** Hands out entries up to the first cut or garbled one; returns where the intact part ends. */
    private static long readEntries(ByteBuffer all, Consumer<ByteBuffer> entries) {
        CRC32C crc = new CRC32C();
        while (all.remaining() >= FRAME) {
            int start = all.position();
            int length = all.getInt();
            int expected = all.getInt();
            if (length < 0 || length > MAX_ENTRY || length > all.remaining()) {
                return start;
            }
            ByteBuffer entry = all.slice(all.position(), length);
            crc.reset();
            crc.update(entry.duplicate());
            if ((int) crc.getValue() != expected) {
                return start;
            }
            all.position(all.position() + length);
            entries.accept(entry);
        }
        return all.position();
    }

    /** Appends one entry and forces it to disk. */
    void append(byte[] entry) throws IOException {
        ByteBuffer frame = frame(entry);
        long at = size;
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
            // Data and length only (fdatasync): the entry is what must survive, not the mtime.
            channel.force(false);
        } catch (IOException e) {
            // Leave no half entry behind a later one: it would hide the later one at the next start.
            channel.truncate(at);
            channel.position(at);
            throw e;
        }
        size = at + frame.capacity();
    }

    long size() {
        return size;
    }

    /** Replaces the whole journal by {@code entries}, atomically. */
    void rewrite(List<byte[]> entries) throws IOException {
        Path next = rewriting(file);
        Files.deleteIfExists(next);
        write(next, entries);
        channel.close();
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(file.getParent());
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        size = channel.size();
        channel.position(size);
    }

    /** The fixed name a rewrite is written under before the rename. */
    static Path rewriting(Path file) {
        return file.resolveSibling(file.getFileName() + ".rewriting");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Writes a complete journal file (header and entries) and forces it; the file must not exist. */
    private static void write(Path target, List<byte[]> entries) throws IOException {
        createOwnerOnly(target);
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER).put(MAGIC).putInt(FORMAT_VERSION).flip();
            while (header.hasRemaining()) {
                out.write(header);
            }
            for (byte[] entry : entries) {
                ByteBuffer frame = frame(entry);
                while (frame.hasRemaining()) {
                    out.write(frame);
                }
            }
            out.force(true);
        }
    }

    private static ByteBuffer frame(byte[] entry) {
        CRC32C crc = new CRC32C();
        crc.update(entry);
        return ByteBuffer.allocate(FRAME + entry.length).putInt(entry.length).putInt((int) crc.getValue()).put(entry).flip();
    }

    /** The files hold token ids: readable by the owner only, where the file system knows owners. */
    static void createOwnerOnly(Path target) throws IOException {
        try {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(target);
        }
    }

    static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException notSupported) {
            // Some file systems cannot open a directory; the rename itself is still atomic.
        }
    }
}
