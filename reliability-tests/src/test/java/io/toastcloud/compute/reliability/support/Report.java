package io.toastcloud.compute.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes what a suite observed (one line per case, and its figures) to
 * {@code target/reliability/<suite>.txt} and to standard output, so that docs/RELIABILITY.md
 * can be checked against a run.
 */
public final class Report {
    /** Suites written to by this JVM: the first line of a run replaces what an earlier run left. */
    private static final java.util.Set<String> STARTED = new java.util.HashSet<>();

    private Report() {
    }

    public static synchronized void line(String suite, String text) {
        System.out.println("[reliability] " + suite + ": " + text);
        Path dir = Path.of(System.getProperty("reliability.report.dir", "target/reliability"));
        try {
            Files.createDirectories(dir);
            StandardOpenOption mode = STARTED.add(suite) ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
            Files.writeString(dir.resolve(suite + ".txt"), text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void lines(String suite, List<String> texts) {
        texts.forEach(t -> line(suite, t));
    }
}
