package io.toastcloud.compute.emulator.http;

import io.toastcloud.compute.emulator.api.ApiFailure;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes {@code %XX} escapes of a path segment or query component (and {@code +} in a query)
 * as UTF-8, strictly: bytes that are not UTF-8 are refused, never replaced by U+FFFD, so that two
 * different raw values can never decode to the same text (appkeys would share state).
 */
final class PercentDecoding {
    private PercentDecoding() {
    }

    /** The decoded text; empty when the bytes (escaped or raw) are not UTF-8. */
    static Optional<String> decode(String raw, boolean plusIsSpace) {
        byte[] in = bytesOf(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else if (b == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.write(b);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The query's parameters; the first value wins when a name repeats. A name or value that is not UTF-8: -4. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true)
                    .orElseThrow(() -> notUtf8("a query parameter name"));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true).orElseThrow(() -> notUtf8(name));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** The -4 for a parameter whose escapes are not UTF-8 (names the parameter, never quotes the value). */
    static ApiFailure notUtf8(String parameter) {
        return ApiFailure.invalidParameters(parameter + " is not percent-encoded UTF-8 [encoding]");
    }

    /**
     * The raw bytes of the text. The JDK server reads the request line as ISO-8859-1, so a raw
     * (unescaped) byte arrives as the char of the same value; a char above 0xFF cannot come from
     * it, and is taken as its UTF-8 bytes.
     */
    private static byte[] bytesOf(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0xFF) {
                bytes.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return bytes.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }
}
