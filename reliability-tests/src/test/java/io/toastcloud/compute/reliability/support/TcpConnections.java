package io.toastcloud.compute.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts this machine's TCP connections in state ESTABLISHED whose remote end is a given local
 * port, from the kernel's tables ({@code /proc/net/tcp} and {@code /proc/net/tcp6}). Those are
 * the client's side of its connections to a stub on that port.
 */
public final class TcpConnections {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";

    private TcpConnections() {
    }

    public static int establishedTo(int port) {
        String hexPort = String.format("%04X", port);
        int count = 0;
        boolean readAny = false;
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            readAny = true;
            try {
                for (String line : Files.readAllLines(table)) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st ...
                    if (f.length > 3 && f[2].endsWith(":" + hexPort) && ESTABLISHED.equals(f[3])) {
                        count++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + table, e);
            }
        }
        if (!readAny) {
            throw new IllegalStateException("cannot count TCP connections: neither /proc/net/tcp nor /proc/net/tcp6 is readable"
                    + " (this check needs Linux)");
        }
        return count;
    }
}
