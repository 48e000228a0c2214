package io.toastcloud.compute.benchmarks.coldstart;

import java.util.HashMap;
import java.util.Map;

/**
 * One cold-start run's phases, read back from the line {@link Phases} prints, with the JVM's own
 * start (process spawned to main entered) and exit (main's last phase to the process gone) from
 * the parent's wall clock around the child. All in milliseconds.
 */
record PhaseLine(double jvmStart, double contract, double build, double firstCall, double exit) {
    static final String MARK = "coldstart-phases";

    /** The phases in the child's stderr, or null when it printed none. */
    static PhaseLine parse(String stderr, long spawnedMicros, long endedMicros) {
        for (String line : stderr.split("\n")) {
            if (!line.startsWith(MARK + " ")) {
                continue;
            }
            Map<String, Long> v = new HashMap<>();
            for (String pair : line.substring(MARK.length()).trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                v.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
            return new PhaseLine((v.get("entered") - spawnedMicros) / 1000.0, v.get("contract") / 1000.0,
                    v.get("build") / 1000.0, v.get("firstCall") / 1000.0, (endedMicros - v.get("left")) / 1000.0);
        }
        return null;
    }
}
