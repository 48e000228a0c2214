package io.toastcloud.compute.client.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The service's timestamps carry no UTC offset ({@code 2017-05-16T02:17:50.166563}), or a bare
 * {@code Z} ({@code 2017-05-16T03:17:50Z}); they are UTC. The contract types them as strings
 * with a pattern (see spec/DECISIONS.md D6); this turns them into {@link Instant}s.
 */
public final class ToastTimestamps {
    private ToastTimestamps() {
    }

    /** Parses a timestamp of the service as UTC. */
    public static Instant parse(String timestamp) {
        if (timestamp == null) {
            throw new IllegalArgumentException("timestamp is null");
        }
        String local = timestamp.endsWith("Z") ? timestamp.substring(0, timestamp.length() - 1) : timestamp;
        try {
            return LocalDateTime.parse(local, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a timestamp of the form 2017-05-16T02:17:50[.166563][Z]: " + timestamp, e);
        }
    }

    /** Formats an instant the way the service writes timestamps (no offset, microseconds). */
    public static String format(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").format(instant.atOffset(ZoneOffset.UTC));
    }
}
