package io.toastcloud.compute.publishing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * OpenAPI Generator's CLI (the release the Java client is generated with), run in its own JVM so
 * that its log, and with it every warning about the contract, can be read back.
 */
final class OpenApiGenerator {

    /** A finished generation: where the code is, and the generator's log. */
    record Generation(Path output, GeneratorLog log) {
    }

    private OpenApiGenerator() {
    }

    /**
     * Generates a client into an emptied output directory. The contract is validated first (the
     * CLI's default): an invalid contract fails here.
     */
    static Generation generate(String generatorName, Path contract, Path output, String... options)
            throws IOException, InterruptedException {
        deleteRecursively(output);
        Files.createDirectories(output);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Build.generatorCli().toString(),
                "generate",
                "--generator-name", generatorName,
                "--input-spec", contract.toString(),
                "--output", output.toString()));
        command.addAll(List.of(options));
        Path logFile = output.resolveSibling(output.getFileName() + "-generator.log");
        Command.Result result = Command.of(command).timeout(Duration.ofMinutes(3)).run(logFile);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("OpenAPI Generator (" + generatorName + ") failed with exit code "
                    + result.exitCode() + "; its log (" + logFile + "):\n" + result.output());
        }
        return new Generation(output, new GeneratorLog(result.lines(), logFile));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
