package io.toastcloud.compute.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The service's timestamps: the contract's {@code Timestamp} pattern, read as UTC. */
class ToastTimestampsTest {
    @Test
    void agreesWithJavaTimeOnEveryShapeTheContractAllows() {
        Random random = new Random(20171116);
        for (int i = 0; i < 5_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000));
            int fractionDigits = random.nextInt(10); // 0 = no fraction
            String pattern = "yyyy-MM-dd'T'HH:mm:ss" + (fractionDigits == 0 ? "" : "." + "S".repeat(fractionDigits));
            String text = DateTimeFormatter.ofPattern(pattern).format(instant.atOffset(ZoneOffset.UTC))
                    + (random.nextBoolean() ? "Z" : "");
            Instant expected = LocalDateTime.parse(text.replace("Z", ""), DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .toInstant(ZoneOffset.UTC);
            assertEquals(expected, ToastTimestamps.parse(text), text);
        }
    }

    @Test
    void theGuidesExamplesBothWays() {
        assertEquals(Instant.parse("2017-05-16T02:17:50.166563Z"), ToastTimestamps.parse("2017-05-16T02:17:50.166563"));
        assertEquals(Instant.parse("2017-05-16T03:17:50Z"), ToastTimestamps.parse("2017-05-16T03:17:50Z"));
        assertEquals(Instant.parse("2017-05-16T03:17:50.000000001Z"), ToastTimestamps.parse("2017-05-16T03:17:50.000000001"));
        assertEquals(Instant.parse("2017-05-16T03:17:50.100Z"), ToastTimestamps.parse("2017-05-16T03:17:50.1Z"));
        assertEquals("2017-05-16T02:17:50.166563", ToastTimestamps.format(Instant.parse("2017-05-16T02:17:50.166563Z")));
    }

    @Test
    void refusesWhatTheContractDoesNotAllowAndNamesIt() {
        for (String bad : new String[] {"16/05/2017", "2017-05-16T02:17", "2017-05-16 02:17:50", "2017-05-16T02:17:50+09:00",
                "2017-05-16T02:17:50.", "2017-05-16T02:17:50.1234567890", "2017-05-16T02:17:50ZZ", "2017-5-16T02:17:50",
                "２０１７-05-16T02:17:50", "2017-02-30T02:17:50", "2017-05-16T24:00:00", "2017-05-16T02:60:50", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToastTimestamps.parse(bad), bad);
            assertTrue(e.getMessage().endsWith(": " + bad), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ToastTimestamps.parse(null));
    }
}
