package io.toastcloud.compute.benchmarks.coldstart;

/**
 * With {@code -Dcoldstart.phases=true}, a cold-start main says on stderr how long building took
 * and how long the first call took, in milliseconds; the rest of the process time is the JVM's
 * own start and exit. With {@code -Dcoldstart.rss=true} (used when {@code /usr/bin/time} is not
 * installed), it prints the process's peak resident set size.
 */
final class Phases {
    private Phases() {
    }

    static void report(long start, long built, long called) {
        if (Boolean.getBoolean("coldstart.phases")) {
            System.err.printf("coldstart-phases build=%.1f firstCall=%.1f%n", (built - start) / 1e6, (called - built) / 1e6);
        }
        if (Boolean.getBoolean("coldstart.rss")) {
            // Without /usr/bin/time: the peak resident set size so far, which at this point is nearly all of it.
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        System.err.println("coldstart-peak-rss-kb=" + line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (java.io.IOException e) {
                System.err.println("coldstart: /proc/self/status unreadable: " + e);
            }
        }
    }
}
