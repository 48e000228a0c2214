package io.toastcloud.compute.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Counts this machine's TCP connections in state ESTABLISHED whose remote end is a given local
 * port: the client's side of its connections to a stub on that port.
 *
 * <p>Linux-only source first: the kernel's tables {@code /proc/net/tcp} and {@code /proc/net/tcp6}.
 * Elsewhere (macOS, the BSDs, Windows) the portable fallback is {@code netstat -an}, whose
 * ESTABLISHED lines carry the remote address just before the state on every one of those systems.
 * With neither, the check fails saying so.
 */
public final class TcpConnections {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";

    private TcpConnections() {
    }

    public static int establishedTo(int port) {
        if (TABLES.stream().anyMatch(Files::isReadable)) {
            return fromProcTables(port);
        }
        return fromNetstat(port);
    }

    /** Linux: /proc/net/tcp{,6} lines "sl local_address rem_address st ...", ports in hex. */
    static int fromProcTables(int port) {
        String hexPort = String.format("%04X", port);
        int count = 0;
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(table)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[2].endsWith(":" + hexPort) && ESTABLISHED.equals(f[3])) {
                        count++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + table, e);
            }
        }
        return count;
    }

    /** Anywhere else: netstat -an output. */
    static int fromNetstat(int port) {
        String output;
        try {
            Process netstat = new ProcessBuilder("netstat", "-an").redirectErrorStream(true).start();
            output = new String(netstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!netstat.waitFor(30, TimeUnit.SECONDS) || netstat.exitValue() != 0) {
                throw new IllegalStateException("netstat -an failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot count TCP connections: /proc/net/tcp and /proc/net/tcp6 are not"
                    + " readable (they exist on Linux only) and `netstat -an`, the fallback elsewhere, cannot run: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return countNetstatEstablished(output, port);
    }

    /** Lines whose state is ESTABLISHED and whose remote address (the field before it) ends in the port. */
    static int countNetstatEstablished(String netstatOutput, int port) {
        int count = 0;
        for (String line : netstatOutput.split("\\R")) {
            String[] f = line.trim().split("\\s+");
            for (int i = 1; i < f.length; i++) {
                if ("ESTABLISHED".equals(f[i])) {
                    String remote = f[i - 1];
                    if (remote.endsWith(":" + port) || remote.endsWith("." + port)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
