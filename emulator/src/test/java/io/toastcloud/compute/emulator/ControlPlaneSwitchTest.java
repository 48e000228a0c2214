package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.RawApi.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.emulator.control.ManualClock;
import org.junit.jupiter.api.Test;

/** The standalone jar has the control plane only with --control-plane; embedded, it is on unless turned off. */
class ControlPlaneSwitchTest {
    @Test
    void theStandaloneEmulatorHasNoControlPlaneUnlessAsked() {
        EmulatorConfig plain = CommandLine.parse("--port", "0").config();
        assertFalse(plain.controlPlane());
        try (EmulatorServer server = EmulatorServer.start(plain)) {
            RawApi api = new RawApi(server.endpoint(), "k");
            fails(-7, api.sendAbsolute("GET", "/_emulator/appkeys", null)); // like any path of no operation
            fails(-7, api.sendAbsolute("POST", "/_emulator/reset", null));
        }
        EmulatorConfig enabled = CommandLine.parse("--port", "0", "--control-plane").config();
        assertTrue(enabled.controlPlane());
        try (EmulatorServer server = EmulatorServer.start(enabled)) {
            ControlApi.Answer appkeys = new ControlApi(server.endpoint()).get("/_emulator/appkeys");
            assertEquals(200, appkeys.status());
            assertTrue(appkeys.json().path("appkeys").isArray());
        }
    }

    @Test
    void embeddedTheControlPlaneIsOnUnlessTurnedOff() {
        assertTrue(EmulatorConfig.defaults().controlPlane());
        try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.builder().port(0).controlPlane(false).build())) {
            fails(-7, new RawApi(server.endpoint(), "k").sendAbsolute("GET", "/_emulator/faults", null));
            assertTrue(server.faults().list().isEmpty(), "the Java methods work without the HTTP control plane");
        }
    }

    @Test
    void aManualClockOnTheCommandLineNeedsTheControlPlane() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse("--manual-clock"));
        assertTrue(e.getMessage().contains("--control-plane"), e.getMessage());
        assertTrue(CommandLine.parse("--manual-clock", "--control-plane").config().clock() instanceof ManualClock);
        assertTrue(CommandLine.USAGE.contains("--control-plane") && CommandLine.USAGE.contains("--manual-clock"));
    }
}
