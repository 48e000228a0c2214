package io.toastcloud.compute.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void noArgumentsServeOnTheDefaultPortWithTheDefaultUser() {
        CommandLine.Parsed p = CommandLine.parse();
        assertEquals(CommandLine.Command.SERVE, p.command());
        assertEquals(8787, p.config().port());
        assertEquals(List.of(EmulatorUser.DEFAULT), p.config().users());
        assertEquals(Optional.empty(), p.config().dataDir());
        assertEquals(Transition.INSTANCE_BUILD.defaultDelay(), p.config().delays().of(Transition.INSTANCE_BUILD));
    }

    @Test
    void everyServeOptionIsRead() {
        CommandLine.Parsed p = CommandLine.parse("serve", "--port", "0", "--data-dir", "state", "--user", "a@b.c:pw",
                "--user", "ops:pw2:alpha,beta", "--token-lifetime", "10m", "--delays", "50ms", "--delay",
                "instance-build=1.5s", "--floating-ips", "2", "--threads", "4", "--failure-prefix", "", "--verbose");
        EmulatorConfig c = p.config();
        assertEquals(0, c.port());
        assertEquals(Optional.of(Path.of("state")), c.dataDir());
        assertEquals(List.of(EmulatorUser.of("a@b.c", "pw"), new EmulatorUser("ops", "pw2", Set.of("alpha", "beta"))), c.users());
        assertEquals(Duration.ofMinutes(10), c.tokenLifetime());
        assertEquals(Duration.ofMillis(1500), c.delays().of(Transition.INSTANCE_BUILD));
        assertEquals(Duration.ofMillis(50), c.delays().of(Transition.VOLUME_DETACH));
        assertEquals(2, c.floatingIpsPerAppkey());
        assertEquals(4, c.threads());
        assertEquals("", c.failurePrefix());
        assertTrue(p.verbose());
    }

    @Test
    void demoOptionsAreRead() {
        CommandLine.Parsed p = CommandLine.parse("demo", "--endpoint", "http://127.0.0.1:8787", "--appkey", "mine",
                "--poll", "1s", "--delays", "100ms");
        assertEquals(CommandLine.Command.DEMO, p.command());
        assertEquals("http://127.0.0.1:8787", p.demo().endpoint());
        assertEquals("mine", p.demo().appkey());
        assertEquals(Duration.ofSeconds(1), p.demo().poll());
        assertEquals(Duration.ofMillis(100), p.demo().delays().of(Transition.IMAGE_SAVE));
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--port")).getMessage().contains("needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--port", "x")).getMessage().contains("whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--nope", "1")).getMessage().contains("unknown option"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("launch")).getMessage().contains("unknown command"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--delay", "warp=1s")).getMessage()
                .contains("instance-build"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--delays", "soon")).getMessage()
                .contains("not a duration"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommandLine.parse("--user", "nopassword")).getMessage()
                .contains("NAME:PASSWORD"));
        assertEquals(CommandLine.Command.HELP, CommandLine.parse("demo", "--help").command());
    }

    @Test
    void durationsAreReadAsPeopleWriteThem() {
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertEquals(Duration.ofHours(1), Durations.parse("PT1H"));
        assertEquals(Duration.ofMillis(40), Durations.parse("40"));
    }

    @Test
    void aUserNeverShowsItsPassword() {
        EmulatorUser user = EmulatorUser.parse("a@b.c:s3cret");
        assertFalse(user.toString().contains("s3cret"));
        assertFalse(EmulatorConfig.builder().user(user).build().toString().contains("s3cret"));
    }
}
