package io.toastcloud.compute.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pinned TypeScript compiler (node_modules/.bin/tsc), type-checking only (no output). */
final class TypeScriptCompiler {

    /** One error: file as tsc prints it (relative to the project), line, code (TS1234), message. */
    record Error(String file, int line, String code, String message) {
        @Override
        public String toString() {
            return file + ":" + line + " " + code + " " + message;
        }
    }

    /** All errors tsc reported, and its exit code. */
    record Check(int exitCode, List<Error> errors, List<String> unparsedErrorLines, Path log) {
    }

    private static final Pattern ERROR = Pattern.compile("^(.+)\\((\\d+),(\\d+)\\): error (TS\\d+): (.*)$");

    private TypeScriptCompiler() {
    }

    /**
     * Writes a strict tsconfig.json in projectDir including the given globs (relative to it), and
     * type-checks. strict turns on every strict* check; the three extra checks are those the
     * generated code passes, so that a user's strictest usual settings are covered.
     */
    static Check check(Path projectDir, List<String> include) throws IOException, InterruptedException {
        return run(projectDir, include, Map.of("module", "esnext", "moduleResolution", "bundler", "noEmit", true));
    }

    /**
     * The same strict check, writing CommonJS JavaScript that node runs as it is into outDir
     * (rootDir is the parent of projectDir, so that the generated client's files keep their
     * relative place next to the program).
     */
    static Check compile(Path projectDir, List<String> include, Path outDir) throws IOException, InterruptedException {
        return run(projectDir, include, Map.of("module", "nodenext",
                "outDir", outDir.toString(), "rootDir", projectDir.getParent().toString()));
    }

    private static Check run(Path projectDir, List<String> include, Map<String, Object> output)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = json.createObjectNode();
        Map<String, Object> options = new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("target", "es2022"),
                Map.entry("lib", List.of("es2022", "dom")),
                Map.entry("types", List.of()),
                Map.entry("strict", true),
                Map.entry("noImplicitReturns", true),
                Map.entry("noFallthroughCasesInSwitch", true),
                Map.entry("forceConsistentCasingInFileNames", true)));
        options.putAll(output);
        config.set("compilerOptions", json.valueToTree(options));
        config.set("include", json.valueToTree(include));
        Files.createDirectories(projectDir);
        Path tsconfig = projectDir.resolve("tsconfig.json");
        json.writerWithDefaultPrettyPrinter().writeValue(tsconfig.toFile(), config);

        Command.Result result = Command.of(Build.nodeBin().resolve("tsc").toString(),
                        "--project", tsconfig.toString(), "--pretty", "false")
                .in(projectDir)
                .run(projectDir.resolve("tsc.log"));
        List<Error> errors = result.lines().stream()
                .map(ERROR::matcher)
                .filter(Matcher::matches)
                .map(m -> new Error(m.group(1), Integer.parseInt(m.group(2)), m.group(4), m.group(5)))
                .toList();
        List<String> unparsed = result.lines().stream()
                .filter(line -> line.contains("error TS") && !ERROR.matcher(line).matches())
                .toList();
        return new Check(result.exitCode(), errors, unparsed, result.log());
    }

    /** The TypeScript compiler's version line, e.g. "Version 7.0.2". */
    static String version() throws IOException, InterruptedException {
        return Command.of(Build.nodeBin().resolve("tsc").toString(), "--version")
                .run(Build.target("clients", "tsc-version.log")).output().trim();
    }
}
