package io.toastcloud.compute.contracttests.prism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Prism mock process: {@code prism mock --errors -h 127.0.0.1 -p <free port> <document>},
 * started from {@code node_modules/.bin/prism} directly (killing an {@code npx} wrapper would
 * leave the node server running), with its output in a log file. {@link #close()} stops the
 * whole process tree and waits until it is gone; a shutdown hook does the same if the JVM ends
 * first, so no Prism outlives the tests.
 */
public final class PrismServer implements AutoCloseable {
    /** What Prism 5 prints once it accepts connections. */
    static final String READY_LINE = "Prism is listening on";
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final URI baseUri;
    private final Path log;
    private final List<ProcessHandle> tree = new ArrayList<>();
    private final Thread shutdownHook;

    private PrismServer(Process process, URI baseUri, Path log) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
        this.shutdownHook = new Thread(this::stopTree, "prism-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts Prism and returns once it answers on its port.
     *
     * @throws PrismUnavailableException with the reason and the end of Prism's log when it cannot start
     */
    public static PrismServer start(Path prism, Path document, Path workDir, Duration readyTimeout) {
        if (!Files.isExecutable(prism)) {
            throw new PrismUnavailableException("Prism is not installed: " + prism + " is missing or not executable. "
                    + "Run `npm ci` at the repository root, or build with the spec module "
                    + "(`mvn -B -pl contract-tests -am verify`), which runs it.");
        }
        if (!Files.isRegularFile(document)) {
            throw new PrismUnavailableException("the contract to serve is missing: " + document);
        }
        String lastFailure = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            Path log = workDir.resolve("prism-" + port + ".log");
            PrismServer server = launch(prism, document, port, log);
            String failure = server.awaitReady(readyTimeout);
            if (failure == null) {
                return server;
            }
            server.close();
            lastFailure = failure;
            if (!failure.contains("EADDRINUSE")) {
                break; // only a lost race for the port is worth another attempt
            }
        }
        throw new PrismUnavailableException(lastFailure);
    }

    private static PrismServer launch(Path prism, Path document, int port, Path log) {
        ProcessBuilder builder = new ProcessBuilder(prism.toString(), "mock", "--errors",
                "-h", "127.0.0.1", "-p", Integer.toString(port), document.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("FORCE_COLOR", "0");
        try {
            return new PrismServer(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        } catch (IOException e) {
            throw new PrismUnavailableException("cannot start " + prism + ": " + e.getMessage());
        }
    }

    /** Null when ready, else why not. */
    private String awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            rememberTree();
            if (!process.isAlive()) {
                return "Prism exited with status " + process.exitValue() + " before it was ready. " + logTail();
            }
            if (logText().contains(READY_LINE) && accepts(baseUri)) {
                return null;
            }
            sleep(Duration.ofMillis(50));
        }
        return "Prism did not become ready within " + timeout.toSeconds() + " s. " + logTail();
    }

    /** The root URL, for example {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return baseUri;
    }

    public Path log() {
        return log;
    }

    /** The Prism process (node). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** True when neither Prism nor any process it started is alive. */
    public boolean isStopped() {
        return !process.isAlive() && tree.stream().noneMatch(ProcessHandle::isAlive);
    }

    @Override
    public void close() {
        stopTree();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    private synchronized void stopTree() {
        rememberTree();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        List<ProcessHandle> all = new ArrayList<>(tree);
        all.add(process.toHandle());
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            } catch (ExecutionException e) {
                p.destroyForcibly();
            }
        }
        try {
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Descendants are collected while Prism runs: once it is gone, its orphans are no longer its descendants. */
    private synchronized void rememberTree() {
        process.descendants().filter(d -> !tree.contains(d)).forEach(tree::add);
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        String text = logText().strip();
        String tail = text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
        return "Prism log (" + log + "):\n" + (tail.isEmpty() ? "(empty)" : tail);
    }

    static boolean accepts(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PrismUnavailableException("no free loopback port for Prism: " + e.getMessage());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrismUnavailableException("interrupted while waiting for Prism");
        }
    }
}
