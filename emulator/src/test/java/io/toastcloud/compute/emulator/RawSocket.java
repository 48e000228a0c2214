package io.toastcloud.compute.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte on a socket, for what no HTTP client sends: lower-case methods,
 * malformed percent-escapes, raw non-ASCII bytes in the request line, {@code OPTIONS *},
 * hundreds of headers, a header twice. One request per connection ({@code Connection: close}).
 */
final class RawSocket {
    private RawSocket() {
    }

    /** The answer, or how the connection ended without one. */
    record Answer(int status, Map<String, String> headers, byte[] body, String failure) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        JsonNode json() {
            try {
                return RawApi.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + this + ")", e);
            }
        }

        /** The envelope's result code; fails unless this is HTTP 200 with the JSON envelope. */
        int resultCode() {
            if (status != 200 || !contentType().startsWith("application/json")) {
                throw new AssertionError("expected HTTP 200 with the JSON envelope, got " + this);
            }
            JsonNode header = json().path("header");
            if (!header.path("isSuccessful").isBoolean() || !header.path("resultCode").isInt()) {
                throw new AssertionError("no envelope header: " + this);
            }
            return header.path("resultCode").asInt();
        }

        @Override
        public String toString() {
            return failure != null ? "no answer: " + failure
                    : status + " " + contentType() + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code body}. */
    static Answer send(int port, String head, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(("\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return exchange(port, request.toByteArray());
    }

    /** Sends exactly {@code bytes} and reads until the server closes (or 10 s pass). */
    static Answer exchange(int port, byte[] bytes) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            byte[] answer;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
                answer = readAll(socket.getInputStream());
            } catch (SocketTimeoutException e) {
                return new Answer(0, Map.of(), new byte[0], "no answer within 10 s");
            } catch (IOException e) {
                return new Answer(0, Map.of(), new byte[0], e.toString());
            }
            return parse(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            all.write(buffer, 0, n);
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (answer.length == 0 || end < 0) {
            return new Answer(0, Map.of(), answer, answer.length == 0 ? "the connection was closed without an answer"
                    : "not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
        return new Answer(status, headers, body, null);
    }
}
