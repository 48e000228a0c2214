package io.toastcloud.compute.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads the regular files of a .tgz (ustar, as npm pack writes it): entry name to content. */
final class Tarball {

    private static final int BLOCK = 512;

    private Tarball() {
    }

    static Map<String, byte[]> read(Path tgz) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                long size = Long.parseLong(text(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                byte[] content = in.readNBytes((int) size);
                in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
                if (type == '0' || type == 0) {
                    entries.put(prefix.isEmpty() ? name : prefix + "/" + name, content);
                }
            }
        }
        return entries;
    }

    /** Writes the entries under dir, dropping npm's leading "package/" directory. */
    static void extractPackage(Map<String, byte[]> entries, Path dir) throws IOException {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            Path file = dir.resolve(entry.getKey().replaceFirst("^package/", "")).normalize();
            if (!file.startsWith(dir)) {
                throw new IOException("Entry outside the package: " + entry.getKey());
            }
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
    }

    private static String text(byte[] header, int offset, int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = offset; i < offset + length && header[i] != 0; i++) {
            bytes.write(header[i]);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
