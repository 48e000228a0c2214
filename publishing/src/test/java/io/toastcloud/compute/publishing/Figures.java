package io.toastcloud.compute.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures a reviewer asks for (operations on the page, warnings, type errors, ...): printed
 * to the build log and kept, one "name = value" line each, in target/publishing-figures.txt
 * (a later run replaces a figure of the same name).
 */
final class Figures {

    private Figures() {
    }

    static synchronized void record(String name, Object value) {
        System.out.println("[figures] " + name + " = " + value);
        Path file = Build.target("publishing-figures.txt");
        try {
            Map<String, String> figures = new TreeMap<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int equals = line.indexOf(" = ");
                    if (equals > 0) {
                        figures.put(line.substring(0, equals), line.substring(equals + 3));
                    }
                }
            }
            figures.put(name, String.valueOf(value).replace('\n', ' '));
            List<String> lines = new ArrayList<>();
            figures.forEach((key, text) -> lines.add(key + " = " + text));
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
