package io.toastcloud.compute.benchmarks.coldstart;

import java.time.Instant;

/**
 * The phase probes of a cold-start main. With {@code -Dcoldstart.phases=true} the main says on
 * stderr, in one line {@link PhaseLine} reads, when it was entered and left (wall clock, in
 * microseconds since the epoch, so that {@link ColdStart} can tell the JVM's own start and exit
 * from the time around the process) and how long each of its phases took (monotonic clock):
 * reading the contract, building the client, the first call. A baseline has one phase, its call.
 * Each phase also ends by loading a marker class ({@link AfterContract}, {@link AfterBuild},
 * {@link AfterFirstCall}), so that a {@code -Xlog:class+load} log splits into the phases.
 *
 * <p>The probes cost the same few nanoseconds in every contender; the line is built without
 * string concatenation (whose first use links through invokedynamic in this module) and
 * printed after the last phase. With {@code -Dcoldstart.rss=true} (used when
 * {@code /usr/bin/time} is not installed), it also prints the process's peak resident set size.
 */
final class Phases {
    private static long enteredMicros;
    private static long enteredNanos;
    private static long contractNanos;
    private static long builtNanos;
    private static long calledNanos;

    private Phases() {
    }

    /** The first statement of a main. */
    static void entered() {
        contractNanos = 0;
        builtNanos = 0;
        enteredNanos = System.nanoTime();
        enteredMicros = epochMicros();
    }

    /** The bundled contract has been read (a client's first phase). */
    static void contractRead() {
        contractNanos = System.nanoTime();
        marker(AfterContract.class);
    }

    /** The client (or the layer) is built: ready for its first call. */
    static void built() {
        builtNanos = System.nanoTime();
        marker(AfterBuild.class);
    }

    /** The first call has answered; the main only prints and exits after this. */
    static void called() {
        calledNanos = System.nanoTime();
        marker(AfterFirstCall.class);
        report();
    }

    private static void report() {
        if (Boolean.getBoolean("coldstart.phases")) {
            long contract = contractNanos == 0 ? enteredNanos : contractNanos;
            long built = builtNanos == 0 ? contract : builtNanos;
            StringBuilder line = new StringBuilder(PhaseLine.MARK)
                    .append(" entered=").append(enteredMicros)
                    .append(" contract=").append(micros(contract - enteredNanos))
                    .append(" build=").append(micros(built - contract))
                    .append(" firstCall=").append(micros(calledNanos - built))
                    .append(" left=").append(epochMicros());
            System.err.println(line);
        }
        if (Boolean.getBoolean("coldstart.rss")) {
            // Without /usr/bin/time: the peak resident set size so far, which at this point is nearly all of it.
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        System.err.println(new StringBuilder("coldstart-peak-rss-kb=").append(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (java.io.IOException e) {
                System.err.println(new StringBuilder("coldstart: /proc/self/status unreadable: ").append(e));
            }
        }
    }

    private static long micros(long nanos) {
        return nanos / 1000;
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** Referencing a class literal loads the class: one line in a class+load log. */
    private static void marker(Class<?> marker) {
        if (marker == null) {
            throw new AssertionError();
        }
    }

    /** Loaded when the contract has been read. */
    static final class AfterContract {
        private AfterContract() {
        }
    }

    /** Loaded when the client is built. */
    static final class AfterBuild {
        private AfterBuild() {
        }
    }

    /** Loaded when the first call has answered. */
    static final class AfterFirstCall {
        private AfterFirstCall() {
        }
    }
}
