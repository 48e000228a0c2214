package io.toastcloud.compute.emulator.junit;

import io.toastcloud.compute.emulator.EmulatorServer;
import io.toastcloud.compute.emulator.control.ManualClock;

/** An emulator started for a class (or a run), kept in JUnit's store, which closes it when its scope ends. */
record RunningEmulator(EmulatorServer server, EmulatorOptions options) implements AutoCloseable {
    static RunningEmulator start(EmulatorOptions options) {
        return new RunningEmulator(EmulatorServer.start(options.config()), options);
    }

    /** The emulator's clock when it is manual (then the client's pauses move it), else null. */
    ManualClock manualClock() {
        return server.config().clock() instanceof ManualClock m ? m : null;
    }

    @Override
    public void close() {
        server.close();
    }
}
