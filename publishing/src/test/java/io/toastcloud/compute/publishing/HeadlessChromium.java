package io.toastcloud.compute.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket, with the JDK's own
 * client) so that a test can scroll a page, read its DOM and take a screenshot: `--dump-dom`
 * alone cannot, because Redoc 3 renders each section only when it scrolls near the viewport.
 *
 * <p>Fails with a clear message when Chromium is missing or does not start; it never skips.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
    private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final Path profileDir;
    private final Path log;
    private final WebSocket socket;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> eventListeners = new CopyOnWriteArrayList<>();

    private HeadlessChromium(Process process, Path profileDir, Path log, URI pageSocket) throws IOException {
        this.process = process;
        this.profileDir = profileDir;
        this.log = log;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(pageSocket, new Listener())
                .orTimeout(20, TimeUnit.SECONDS)
                .join();
    }

    /**
     * Starts Chromium with a fresh profile and no network services of its own, with a window of
     * the given size, and connects to its first page.
     *
     * @param log where Chromium's own output goes (it is noisy: D-Bus is absent in containers)
     */
    static HeadlessChromium start(Path binary, Path log, int width, int height) throws IOException, InterruptedException {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("Chromium is needed for the reference-page test and was not found at "
                    + binary + ". Install Debian's package: " + ChromiumLocator.INSTALL
                    + " (or pass -Dtoast.chromium=<path to a Chromium binary>).");
        }
        Path profile = Files.createTempDirectory("toast-chromium-profile");
        Files.createDirectories(log.getParent());
        List<String> command = List.of(binary.toString(),
                "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=" + width + "," + height,
                "about:blank");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            URI browserSocket = awaitDevToolsUrl(process, log);
            URI pageSocket = firstPageSocket(browserSocket);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, log, pageSocket);
            // The window's size is not the page's: pin the viewport so screenshots have a known size.
            chromium.send("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
            return chromium;
        } catch (RuntimeException | IOException | InterruptedException e) {
            stop(process);
            deleteRecursively(profile);
            throw e;
        }
    }

    private static URI awaitDevToolsUrl(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log);
            Matcher matcher = DEVTOOLS_URL.matcher(output);
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with status " + process.exitValue()
                        + " before it opened DevTools; its output (" + log + "):\n" + tail(output));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Chromium did not open DevTools within " + START_TIMEOUT.toSeconds()
                + " s; its output (" + log + "):\n" + tail(Files.readString(log)));
    }

    private static URI firstPageSocket(URI browserSocket) throws IOException, InterruptedException {
        URI list = URI.create("http://" + browserSocket.getHost() + ":" + browserSocket.getPort() + "/json/list");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(list).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : new ObjectMapper().readTree(response.body())) {
            if ("page".equals(target.path("type").asText())) {
                return URI.create(target.path("webSocketDebuggerUrl").asText());
            }
        }
        throw new IllegalStateException("Chromium lists no page target: " + response.body());
    }

    /** Sends one DevTools command and waits for its result; a protocol error becomes an exception. */
    JsonNode send(String method, Map<String, ?> params) {
        int id = nextId.incrementAndGet();
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", json.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true).join();
        JsonNode reply = answer.orTimeout(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (reply.has("error")) {
            throw new IllegalStateException("DevTools " + method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    void onEvent(Consumer<JsonNode> listener) {
        eventListeners.add(listener);
    }

    /** Opens the URL and waits for its load event. */
    void navigate(String url) {
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        onEvent(event -> {
            if ("Page.loadEventFired".equals(event.path("method").asText())) {
                loaded.complete(null);
            }
        });
        send("Page.enable", Map.of());
        JsonNode result = send("Page.navigate", Map.of("url", url));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("Chromium could not open " + url + ": " + result.get("errorText").asText());
        }
        loaded.orTimeout(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Runs a JavaScript expression in the page (awaiting a promise) and returns its JSON value. */
    JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of(
                "expression", expression, "awaitPromise", true, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed in the page: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Saves a PNG of the viewport. */
    void screenshot(Path png) throws IOException {
        JsonNode result = send("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(result.path("data").asText()));
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        socket.abort();
        stop(process);
        deleteRecursively(profileDir);
    }

    private static void stop(Process process) {
        // Only this Chromium and the helper processes it started.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    /** Joins fragmented frames, then routes replies (with an id) and events (without). */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(String text) {
            JsonNode message;
            try {
                message = json.readTree(text);
            } catch (IOException e) {
                return;
            }
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
            } else {
                eventListeners.forEach(listener -> listener.accept(message));
            }
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            List<CompletableFuture<JsonNode>> waiting = new ArrayList<>(pending.values());
            waiting.forEach(answer -> answer.completeExceptionally(error));
        }
    }
}
