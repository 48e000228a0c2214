package io.toastcloud.compute.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An HTTP/1.1 server on a raw {@link ServerSocket}, for the faults a real server library will
 * not produce on purpose: a body shorter than its {@code Content-Length} followed by a clean
 * close (a truncated body), or followed by a TCP reset (a connection reset in the middle of a
 * body). It keeps connections alive like a normal server, counts the TCP connections it accepted
 * and records every request.
 */
public final class RawHttpServer implements AutoCloseable {
    /** A request as it arrived; header names are lower case. */
    public record RawRequest(String method, String target, Map<String, String> headers, byte[] body) {
        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to answer. */
    public sealed interface Reply permits Complete, CutShort, Dribble {
    }

    /** A whole answer whose body is sent {@code chunk} bytes at a time, {@code pauseMillis} apart. */
    public record Dribble(byte[] body, int chunk, long pauseMillis) implements Reply {
    }

    /** A whole answer; the connection stays open for the next request. */
    public record Complete(int status, String contentType, byte[] body) implements Reply {
    }

    /**
     * Declares {@code declaredLength} bytes of body, sends only {@code sent}, waits
     * {@code pauseMillis}, then closes the connection: cleanly (FIN) or with a reset (RST).
     */
    public record CutShort(int declaredLength, byte[] sent, long pauseMillis, boolean reset) implements Reply {
    }

    public static Reply json(String body) {
        return new Complete(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** The first {@code keep} bytes of {@code body}, declared at its full length, then FIN. */
    public static Reply truncated(String body, int keep) {
        byte[] all = body.getBytes(StandardCharsets.UTF_8);
        return new CutShort(all.length, java.util.Arrays.copyOf(all, keep), 0, false);
    }

    /**
     * The first {@code keep} bytes of {@code body}, declared at its full length, then RST once the
     * client has had time to read them (so the reset hits in the middle of the body).
     */
    public static Reply resetMidBody(String body, int keep) {
        byte[] all = body.getBytes(StandardCharsets.UTF_8);
        return new CutShort(all.length, java.util.Arrays.copyOf(all, keep), 50, true);
    }

    /** The first {@code keep} bytes of {@code body}, then silence for {@code pauseMillis}, then FIN. */
    public static Reply stallMidBody(String body, int keep, long pauseMillis) {
        byte[] all = body.getBytes(StandardCharsets.UTF_8);
        return new CutShort(all.length, java.util.Arrays.copyOf(all, keep), pauseMillis, false);
    }

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-connection");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<RawRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<RawRequest, Reply> handler;

    public RawHttpServer(Function<RawRequest, Reply> handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "raw-http-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    public void handler(Function<RawRequest, Reply> newHandler) {
        this.handler = newHandler;
    }

    /** TCP connections accepted so far. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    public List<RawRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        requests.clear();
    }

    public long requestsTo(String method, String pathSuffix) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).count();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                RawRequest request = read(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Reply reply = handler.apply(request);
                if (reply instanceof Complete c) {
                    out.write(head(c.status(), c.contentType(), c.body().length));
                    out.write(c.body());
                    out.flush();
                } else if (reply instanceof Dribble d) {
                    out.write(head(200, "application/json", d.body().length));
                    out.flush();
                    for (int at = 0; at < d.body().length; at += d.chunk()) {
                        Thread.sleep(d.pauseMillis());
                        out.write(d.body(), at, Math.min(d.chunk(), d.body().length - at));
                        out.flush();
                    }
                } else if (reply instanceof CutShort cut) {
                    out.write(head(200, "application/json", cut.declaredLength()));
                    out.write(cut.sent());
                    out.flush();
                    Thread.sleep(cut.pauseMillis());
                    if (cut.reset()) {
                        socket.setSoLinger(true, 0);
                    }
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the test ended
        } finally {
            open.remove(socket);
        }
    }

    private static byte[] head(int status, String contentType, int length) {
        return ("HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Status") + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + length + "\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static RawRequest read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            body = chunks.toByteArray();
        } else {
            body = new byte[0];
        }
        return new RawRequest(parts[0], parts.length > 1 ? parts[1] : "", headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (SocketException ignored) {
                    // already closed
                }
            }
        }
        connections.shutdownNow();
    }
}
