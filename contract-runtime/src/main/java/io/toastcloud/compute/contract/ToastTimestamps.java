package io.toastcloud.compute.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The service's timestamps carry no UTC offset ({@code 2017-05-16T02:17:50.166563}), or a bare
 * {@code Z} ({@code 2017-05-16T03:17:50Z}); they are UTC. The contract types them as strings
 * with a pattern (see spec/DECISIONS.md D6); this turns them into {@link Instant}s.
 */
public final class ToastTimestamps {
    private ToastTimestamps() {
    }

    /**
     * The contract's {@code Timestamp} pattern, read on first use, without building the whole
     * contract (the generated models call this; issue 17).
     */
    private static final class Format {
        static final Pattern PATTERN = Pattern.compile(BundledValue.text("components", "schemas", "Timestamp", "pattern"));
    }

    /**
     * Parses a timestamp of the service as UTC. It must match the contract's {@code Timestamp}
     * pattern ({@code yyyy-MM-ddTHH:mm:ss}, then optionally {@code .} and 1 to 9 digits, then
     * optionally {@code Z}) and name a real date and time.
     *
     * <p>The fields are read by position once the pattern has matched, not by
     * {@code DateTimeFormatter}, which allocated 1.4 KB per timestamp (a fifth of what the client
     * adds to a token renewal; docs/BENCHMARKS.md) and accepted times without seconds, which the
     * contract does not.
     */
    public static Instant parse(String timestamp) {
        if (timestamp == null) {
            throw new IllegalArgumentException("timestamp is null");
        }
        if (!Format.PATTERN.matcher(timestamp).matches()) {
            throw malformed(timestamp, null);
        }
        int end = timestamp.endsWith("Z") ? timestamp.length() - 1 : timestamp.length();
        int nanos = 0;
        if (end > 19) { // a fraction: '.' at 19, then 1 to 9 digits
            nanos = number(timestamp, 20, end);
            for (int digits = end - 20; digits < 9; digits++) {
                nanos *= 10;
            }
        }
        try {
            return LocalDateTime.of(number(timestamp, 0, 4), number(timestamp, 5, 7), number(timestamp, 8, 10),
                    number(timestamp, 11, 13), number(timestamp, 14, 16), number(timestamp, 17, 19), nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw malformed(timestamp, e);
        }
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    private static IllegalArgumentException malformed(String timestamp, Exception cause) {
        return new IllegalArgumentException("not a timestamp of the form 2017-05-16T02:17:50[.166563][Z]: " + timestamp, cause);
    }

    /** Formats an instant the way the service writes timestamps (no offset, microseconds). */
    public static String format(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").format(instant.atOffset(ZoneOffset.UTC));
    }
}
