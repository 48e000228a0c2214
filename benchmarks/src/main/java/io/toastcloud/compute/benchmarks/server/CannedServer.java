package io.toastcloud.compute.benchmarks.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal HTTP/1.1 server on loopback that answers each known request line with fixed bytes
 * (status line, {@code Content-Length} and body written in one go), the same for every contender.
 *
 * <p>Why not the JDK's {@code HttpServer} or WireMock: JMH's {@code -prof gc} counts the bytes
 * allocated by every thread of the JVM, the server's included. This server allocates nothing per
 * request (one reusable buffer per connection, requests matched byte by byte), so the allocation
 * figures are the contender's own; it also adds the least time of its own. It keeps connections
 * alive, reads request bodies sent with {@code Content-Length} or chunked, and answers an
 * authenticated operation that comes without {@code X-Auth-Token} with the contract's
 * "token invalid" failure, so a contender that forgets the token cannot look fast.
 */
public final class CannedServer implements AutoCloseable {
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final byte[] CONTENT_LENGTH = ascii("content-length:");
    private static final byte[] TRANSFER_ENCODING_CHUNKED = ascii("transfer-encoding: chunked");
    private static final byte[] AUTH_TOKEN = ascii("x-auth-token:");
    private static final int BUFFER = 64 * 1024;

    private final ServerSocket listener;
    private final List<Route> routes;
    private final byte[] notFound;
    private final byte[] tokenInvalid;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionCount = new AtomicLong();
    private volatile boolean closed;

    private CannedServer(ServerSocket listener, CannedResponses responses) {
        this.listener = listener;
        String base = "/v1.0/appkeys/" + CannedResponses.APPKEY;
        this.routes = List.of(
                new Route("issueToken", "POST " + base + "/tokens", false, responses.tokenIssued()),
                new Route("listFlavors", "GET " + base + "/flavors", true, responses.flavors()),
                new Route("listInstanceDetails", "GET " + base + "/instances-detail", true, responses.instanceDetails()),
                new Route("createInstance", "POST " + base + "/instances", true, responses.instanceCreated()));
        this.notFound = response(404, "Not Found", ascii("{\"error\":\"no canned answer for this request\"}"));
        this.tokenInvalid = response(200, "OK", responses.tokenInvalid());
    }

    /** Starts a server on a free loopback port. */
    public static CannedServer start(CannedResponses responses) {
        return start(responses, 0);
    }

    /** Starts a server on the given loopback port (0: any free port). */
    public static CannedServer start(CannedResponses responses, int port) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            CannedServer server = new CannedServer(listener, responses);
            Thread acceptor = new Thread(server::acceptLoop, "canned-server-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:port}, the endpoint to give a client. */
    public String endpoint() {
        return "http://" + listener.getInetAddress().getHostAddress() + ":" + port();
    }

    /** How many requests the operation was answered with its canned success. */
    public long requests(String operationId) {
        return route(operationId).requests.get();
    }

    /** Length of the last request body received for the operation. */
    public long lastBodyLength(String operationId) {
        return route(operationId).lastBodyLength.get();
    }

    /** How many requests were refused for lack of a token. */
    public long unauthenticated(String operationId) {
        return route(operationId).unauthenticated.get();
    }

    /** How many TCP connections were accepted (keep-alive reuse shows as a small number). */
    public long connectionsAccepted() {
        return connectionCount.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private Route route(String operationId) {
        for (Route r : routes) {
            if (r.operationId.equals(operationId)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no route for " + operationId);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                connectionCount.incrementAndGet();
                Thread worker = new Thread(() -> serve(socket), "canned-server-" + socket.getPort());
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("canned server: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            Connection c = new Connection(in);
            while (c.readHead()) {
                Route matched = null;
                for (Route r : routes) {
                    if (c.requestLineIs(r.requestLine)) {
                        matched = r;
                        break;
                    }
                }
                boolean hasToken = c.hasHeader(AUTH_TOKEN);
                long bodyLength = c.skipBody();
                if (matched == null) {
                    out.write(notFound);
                } else if (matched.authenticated && !hasToken) {
                    matched.unauthenticated.incrementAndGet();
                    out.write(tokenInvalid);
                } else {
                    matched.requests.incrementAndGet();
                    matched.lastBodyLength.set(bodyLength);
                    out.write(matched.response);
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection, or the server is closing
        } finally {
            connections.remove(socket);
        }
    }

    private static byte[] response(int status, String reason, byte[] body) {
        byte[] head = ascii("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n");
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static final class Route {
        final String operationId;
        final byte[] requestLine;
        final boolean authenticated;
        final byte[] response;
        final AtomicLong requests = new AtomicLong();
        final AtomicLong unauthenticated = new AtomicLong();
        final AtomicLong lastBodyLength = new AtomicLong(-1);

        Route(String operationId, String methodAndPath, boolean authenticated, byte[] body) {
            this.operationId = operationId;
            this.requestLine = ascii(methodAndPath);
            this.authenticated = authenticated;
            this.response = CannedServer.response(200, "OK", body);
        }
    }

    /** One keep-alive connection: a reusable buffer holding the bytes not yet consumed. */
    private static final class Connection {
        private final InputStream in;
        private final byte[] buf = new byte[BUFFER];
        private int start;
        private int end;
        private int headEnd;

        Connection(InputStream in) {
            this.in = in;
        }

        /** Reads up to the blank line after the headers; false at end of stream. */
        boolean readHead() throws IOException {
            int scanned = 0;
            while (true) {
                int found = indexOf(HEADER_END, start + Math.max(0, scanned - HEADER_END.length + 1), end);
                if (found >= 0) {
                    headEnd = found + HEADER_END.length;
                    return true;
                }
                scanned = end - start;
                compact();
                if (end == buf.length) {
                    throw new IOException("request head larger than " + BUFFER + " bytes");
                }
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    return false;
                }
                end += n;
            }
        }

        boolean requestLineIs(byte[] methodAndPath) {
            int n = methodAndPath.length;
            if (headEnd - start <= n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (buf[start + i] != methodAndPath[i]) {
                    return false;
                }
            }
            byte next = buf[start + n];
            return next == ' ' || next == '?';
        }

        boolean hasHeader(byte[] lowerName) {
            return headerLine(lowerName) >= 0;
        }

        /** Consumes the request head and body; returns the body length. */
        long skipBody() throws IOException {
            boolean chunked = headerLine(TRANSFER_ENCODING_CHUNKED) >= 0;
            long length = chunked ? 0 : contentLength();
            start = headEnd;
            if (chunked) {
                return skipChunks();
            }
            skip(length);
            return length;
        }

        private long contentLength() {
            int line = headerLine(CONTENT_LENGTH);
            if (line < 0) {
                return 0;
            }
            long value = 0;
            for (int i = line + CONTENT_LENGTH.length; i < headEnd && buf[i] != '\r'; i++) {
                if (buf[i] >= '0' && buf[i] <= '9') {
                    value = value * 10 + (buf[i] - '0');
                }
            }
            return value;
        }

        private long skipChunks() throws IOException {
            long total = 0;
            while (true) {
                int lineEnd = readLine();
                long size = 0;
                for (int i = start; i < lineEnd; i++) {
                    int digit = Character.digit(buf[i], 16);
                    if (digit < 0) {
                        break;
                    }
                    size = size * 16 + digit;
                }
                start = lineEnd + 2;
                if (size == 0) {
                    while (true) {
                        int trailerEnd = readLine();
                        boolean blank = trailerEnd == start;
                        start = trailerEnd + 2;
                        if (blank) {
                            return total;
                        }
                    }
                }
                skip(size);
                total += size;
                start = readLine() + 2;
            }
        }

        /** Index of the CR of the next CRLF at or after {@code start}, reading more when needed. */
        private int readLine() throws IOException {
            while (true) {
                for (int i = start; i + 1 < end; i++) {
                    if (buf[i] == '\r' && buf[i + 1] == '\n') {
                        return i;
                    }
                }
                fill();
            }
        }

        private void skip(long count) throws IOException {
            long remaining = count;
            while (remaining > 0) {
                if (start == end) {
                    start = 0;
                    end = 0;
                    int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                    if (n < 0) {
                        throw new IOException("the request body ended early");
                    }
                    end = n;
                }
                int take = (int) Math.min(remaining, end - start);
                start += take;
                remaining -= take;
            }
        }

        private void fill() throws IOException {
            compact();
            if (end == buf.length) {
                throw new IOException("line longer than " + BUFFER + " bytes");
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                throw new IOException("the request ended early");
            }
            end += n;
        }

        private void compact() {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                headEnd -= start;
                end -= start;
                start = 0;
            }
        }

        /** Start of the header line beginning with {@code lowerName} (case-insensitive), or -1. */
        private int headerLine(byte[] lowerName) {
            int line = start;
            while (line < headEnd) {
                int next = line;
                while (next + 1 < headEnd && !(buf[next] == '\r' && buf[next + 1] == '\n')) {
                    next++;
                }
                if (next - line >= lowerName.length && startsWithIgnoreCase(line, lowerName)) {
                    return line;
                }
                line = next + 2;
            }
            return -1;
        }

        private boolean startsWithIgnoreCase(int at, byte[] lower) {
            for (int i = 0; i < lower.length; i++) {
                byte b = buf[at + i];
                if (b >= 'A' && b <= 'Z') {
                    b = (byte) (b + ('a' - 'A'));
                }
                if (b != lower[i]) {
                    return false;
                }
            }
            return true;
        }

        private int indexOf(byte[] pattern, int from, int to) {
            outer:
            for (int i = Math.max(from, start); i + pattern.length <= to; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (buf[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
