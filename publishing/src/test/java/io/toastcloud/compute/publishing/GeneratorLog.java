package io.toastcloud.compute.publishing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAPI Generator's log, sorted into warnings about the contract and generator noise.
 *
 * <p>A warning is a WARN or ERROR line, or an INFO line saying the generator had to name an
 * inline schema itself (the contract left a schema unnamed, so each generator names it its own way).
 * Every warning counts as being about the contract unless it is on the short list of generator
 * noise below, each entry with the reason it is not about the contract. An unknown warning is
 * therefore a failure until someone reads it and decides.
 */
final class GeneratorLog {

    /** "[main] WARN  o.o.codegen.utils.ModelUtils - text" (the CLI's logback pattern). */
    private static final Pattern LINE = Pattern.compile("^\\[[^\\]]*\\]\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s+(\\S+)\\s+-\\s+(.*)$");

    private static final Pattern INLINE_SCHEMA = Pattern.compile("^Inline schema created as .*");

    /** Generator noise: logger and message pattern, and why it says nothing about the contract. */
    static final Map<Pattern, String> NOISE = Map.of(
            Pattern.compile("^o\\.o\\.codegen\\.utils\\.ModelUtils - Failed to get the schema name: null$"),
            "ModelUtils asks for the name of a null $ref while it walks schemas that are not references:"
                    + " typescript-fetch prints it even for a one-operation contract with one valid $ref."
                    + " A real unresolvable reference is named in the message instead of null, and still counts.");

    private final List<String> lines;
    private final Path file;

    GeneratorLog(List<String> lines, Path file) {
        this.lines = List.copyOf(lines);
        this.file = file;
    }

    /** Warning lines, as "logger - message", noise included. */
    List<String> warnings() {
        return lines.stream()
                .map(LINE::matcher)
                .filter(Matcher::matches)
                .filter(m -> m.group(1).equals("WARN") || m.group(1).equals("ERROR")
                        || (m.group(1).equals("INFO") && INLINE_SCHEMA.matcher(m.group(3)).matches()))
                .map(m -> m.group(2) + " - " + m.group(3))
                .toList();
    }

    /** Warnings about the contract: every warning that is not known generator noise. */
    List<String> contractWarnings() {
        return warnings().stream().filter(warning -> !isNoise(warning)).toList();
    }

    /** Known generator noise that was printed. */
    List<String> noise() {
        return warnings().stream().filter(GeneratorLog::isNoise).toList();
    }

    Path file() {
        return file;
    }

    private static boolean isNoise(String warning) {
        return NOISE.keySet().stream().anyMatch(pattern -> pattern.matcher(warning).matches());
    }
}
