package io.toastcloud.compute.client.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the values of the contract's secret properties in any text (a logged body, an exception
 * message holding a body, a body cut off anywhere) and replaces them, in time linear in the
 * text's length, with no recursion: every character is read by one of two readers, once.
 * <ul>
 *   <li>From each <code>{</code>, Jackson's streaming parser reads as far as the text is JSON
 *       and tells each value's property path; a value is secret when its property and the
 *       property holding its object match a secret path's last two segments (so an instance's
 *       {@code id} is kept and a token's {@code id} is cut). In the first object of a fragment
 *       the holder is unknown: a secret property name alone decides there.</li>
 *   <li>Where the text is not JSON (before the first brace, after a syntax error), a scan for
 *       <code>"name"</code>, a colon and a value cuts the value of any secret property name.</li>
 * </ul>
 * A string value is cut up to its closing quote, or to the end of the text when it has none; a
 * value that is not JSON (an unquoted token) up to the next comma, brace, bracket or line end.
 */
final class SecretSpans {
    private static final JsonFactory JSON = JsonFactory.builder()
            // Lenient where a log or an echo may be: read on rather than fall back to the scan.
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_MISSING_VALUES)
            // Names come from arbitrary bodies: do not intern them or keep them in a shared table.
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    /** Secret property name to the names of the properties that hold it; an empty set: any holder. */
    private final Map<String, Set<String>> holders = new HashMap<>();
    private final char[][] names;

    SecretSpans(Set<String> secretPropertyPaths) {
        for (String path : secretPropertyPaths) {
            String[] segments = path.replace("[]", "").split("\\.");
            Set<String> of = holders.computeIfAbsent(segments[segments.length - 1], k -> new HashSet<>());
            if (segments.length == 1) {
                of.add(null); // a top-level property: a secret whatever holds it
            } else {
                of.add(segments[segments.length - 2]);
            }
        }
        names = holders.keySet().stream().map(String::toCharArray).toArray(char[][]::new);
    }

    /** {@code text} with every secret value replaced by {@code mark}. */
    String redact(String text, String mark) {
        char[] chars = text.toCharArray();
        Spans spans = new Spans();
        int pos = 0;
        while (pos < chars.length) {
            char c = chars[pos];
            if (c == '{') {
                pos = Math.max(readJson(chars, pos, spans), spans.end());
            } else if (c == '"') {
                pos = Math.max(scanProperty(chars, pos, spans), spans.end());
            } else {
                pos++;
            }
        }
        return spans.count == 0 ? text : spans.apply(chars, mark);
    }

    /** Reads JSON from the brace at {@code start}; returns where reading stopped (always after {@code start}). */
    private int readJson(char[] chars, int start, Spans spans) {
        JsonParser parser;
        try {
            parser = JSON.createParser(chars, start, chars.length - start);
        } catch (IOException e) {
            return start + 1;
        }
        try {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY
                        && isSecret(token.isStructStart() ? parser.getParsingContext().getParent() : parser.getParsingContext())) {
                    int at = start + (int) parser.currentTokenLocation().getCharOffset();
                    if (token == JsonToken.VALUE_STRING) {
                        int close = closingQuote(chars, at + 1);
                        spans.add(at + 1, close);
                        if (close >= chars.length) {
                            return chars.length;
                        }
                        parser.finishToken();
                    } else {
                        parser.skipChildren();
                        spans.add(at, start + (int) parser.currentLocation().getCharOffset());
                    }
                }
                if (parser.getParsingContext().inRoot()) {
                    break; // the object that started at the brace is closed
                }
            }
            return Math.max(start + 1, start + (int) parser.currentLocation().getCharOffset());
        } catch (IOException | RuntimeException notJsonFromHere) {
            // A syntax error, the text's end, a limit of the parser: the scan goes on from the
            // last token read whole, not from where the parser stopped: that is after the bad
            // token, and the bad token may be a secret's unquoted value ("id":tok-...) that the
            // scan must see with its property name to cut it.
            return Math.max(start + 1, start + (int) parser.currentTokenLocation().getCharOffset());
        } finally {
            // Not before: closing moves the parser's location to the end of the text.
            closeQuietly(parser);
        }
    }

    private static void closeQuietly(JsonParser parser) {
        try {
            parser.close();
        } catch (IOException nothingToRelease) {
            // A parser over a char array holds no resource.
        }
    }

    /** Whether the value about to be read in {@code context} (an object's) is a secret. */
    private boolean isSecret(JsonStreamContext context) {
        if (context == null || !context.inObject()) {
            return false;
        }
        Set<String> of = holders.get(context.getCurrentName());
        if (of == null) {
            return false;
        }
        JsonStreamContext up = context.getParent();
        while (up != null && up.inArray()) {
            up = up.getParent();
        }
        if (up == null || up.inRoot()) {
            return true; // the first object of a fragment: what holds it is not known
        }
        return of.contains(null) || of.contains(up.getCurrentName());
    }

    /**
     * Outside JSON: at a quote, whether a secret property name, a colon and a value follow; if
     * so the value is cut. Returns where to go on (after the quote, or after the value).
     */
    private int scanProperty(char[] chars, int quote, Spans spans) {
        for (char[] name : names) {
            int after = quote + 1 + name.length;
            if (after >= chars.length || chars[after] != '"'
                    || !Arrays.equals(chars, quote + 1, after, name, 0, name.length)) {
                continue;
            }
            int colon = skipWhitespace(chars, after + 1);
            if (colon >= chars.length || chars[colon] != ':') {
                return quote + 1;
            }
            int value = skipWhitespace(chars, colon + 1);
            if (value >= chars.length) {
                return chars.length;
            }
            if (chars[value] == '"') {
                int close = closingQuote(chars, value + 1);
                spans.add(value + 1, close);
                return Math.min(chars.length, close + 1);
            }
            int end = value;
            while (end < chars.length && ",}]\r\n".indexOf(chars[end]) < 0) {
                end++;
            }
            spans.add(value, end);
            return end;
        }
        return quote + 1;
    }

    private static int skipWhitespace(char[] chars, int from) {
        int i = from;
        while (i < chars.length && Character.isWhitespace(chars[i])) {
            i++;
        }
        return i;
    }

    /** The index of the quote that closes a string whose content starts at {@code from}, or the text's length. */
    private static int closingQuote(char[] chars, int from) {
        int i = from;
        while (i < chars.length) {
            char c = chars[i];
            if (c == '"') {
                return i;
            }
            i += c == '\\' ? 2 : 1;
        }
        return chars.length;
    }

    /** Ranges to replace, in order and apart. */
    private static final class Spans {
        private int[] bounds = new int[8];
        private int count;

        void add(int from, int to) {
            int start = Math.max(from, end());
            if (to < start) {
                return; // inside a range already cut
            }
            if (count * 2 == bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[count * 2] = start;
            bounds[count * 2 + 1] = to;
            count++;
        }

        int end() {
            return count == 0 ? 0 : bounds[count * 2 - 1];
        }

        String apply(char[] chars, String mark) {
            StringBuilder out = new StringBuilder(chars.length);
            int copied = 0;
            for (int i = 0; i < count; i++) {
                int from = bounds[i * 2];
                int to = Math.min(bounds[i * 2 + 1], chars.length);
                out.append(chars, copied, from - copied).append(mark);
                copied = to;
            }
            return out.append(chars, copied, chars.length - copied).toString();
        }
    }
}
