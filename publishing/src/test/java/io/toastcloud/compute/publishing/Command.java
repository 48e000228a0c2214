package io.toastcloud.compute.publishing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external program to completion, its output (stdout and stderr together) kept in a log file. */
final class Command {

    /** What a finished program left: its exit code and everything it printed. */
    record Result(int exitCode, String output, Path log) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    private final List<String> command;
    private Path directory = Build.root();
    private Map<String, String> environment = Map.of();
    private Duration timeout = Duration.ofMinutes(2);

    private Command(List<String> command) {
        this.command = List.copyOf(command);
    }

    static Command of(String... command) {
        return new Command(List.of(command));
    }

    static Command of(List<String> command) {
        return new Command(command);
    }

    Command in(Path directory) {
        this.directory = directory;
        return this;
    }

    Command env(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    Command timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Runs it; only a program that cannot start or does not finish in time is an exception. */
    Result run(Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                    + timeout.toSeconds() + " s; its output so far is in " + log);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log);
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
