package io.toastcloud.compute.emulator.http;

import io.toastcloud.compute.emulator.api.ApiFailure;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What a request body must be before it is read as JSON: of the contract's media type
 * ({@code application/json}, the only request content of every operation), and UTF-8 without a
 * byte order mark (RFC 8259 8.1), not whatever encoding a JSON parser can guess.
 */
final class RequestBodies {
    private static final String JSON = "application/json";

    private RequestBodies() {
    }

    /**
     * A {@code Content-Type} other than {@code application/json} (with no charset but UTF-8) is
     * -4 naming the header. None at all is read as JSON: the guide leaves it out of one operation
     * (DECISIONS.md D20), so a caller that follows the guide may not send it.
     */
    static void requireJsonMediaType(List<String> contentTypes) {
        if (contentTypes == null || contentTypes.isEmpty()) {
            return;
        }
        if (contentTypes.size() > 1) {
            throw ApiFailure.invalidParameters("Content-Type is given more than once [mediaType]");
        }
        String[] parts = contentTypes.get(0).split(";");
        boolean json = parts[0].trim().toLowerCase(Locale.ROOT).equals(JSON);
        for (int i = 1; i < parts.length && json; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].trim().replace("\"", "");
                json = charset.equalsIgnoreCase("UTF-8");
            }
        }
        if (!json) {
            throw ApiFailure.invalidParameters("Content-Type must be " + JSON + " (UTF-8) [mediaType]");
        }
    }

    /** The body as text; bytes that are not UTF-8, or a leading byte order mark: -8. */
    static String utf8Text(byte[] raw) {
        if (raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF) {
            throw ApiFailure.jsonParsing("The request body starts with a byte order mark; JSON is sent as UTF-8 without one.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw ApiFailure.jsonParsing("The request body is not UTF-8.");
        }
    }
}
