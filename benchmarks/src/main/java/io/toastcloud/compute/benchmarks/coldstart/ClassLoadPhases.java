package io.toastcloud.compute.benchmarks.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code -Xlog:class+load} log of one cold-start run, split into its phases by the marker
 * classes {@link Phases} loads as each phase ends: how many classes each phase loaded, and how
 * many of those did not come from the JDK's class-data archive (read from a jar and verified, or
 * spun at run time: lambdas, method handles, proxies), the ones that cost a cold start most.
 */
record ClassLoadPhases(int[] all, int[] notShared) {
    private static final String SHARED = "source: shared objects file";
    /** Phase boundaries, in the order a client run passes them; a baseline skips the first two. */
    private static final List<String> MARKERS = List.of(
            Phases.class.getName() + "$AfterContract ",
            Phases.class.getName() + "$AfterBuild ",
            Phases.class.getName() + "$AfterFirstCall ");
    private static final String MAIN_ENTERED = Phases.class.getName() + " ";

    static ClassLoadPhases count(Path log) throws IOException {
        // 0: JVM start to main; 1: contract; 2: build; 3: first call; 4: exit. The classes since
        // the last boundary belong to the phase whose marker comes next: a baseline has no
        // contract or build marker, so all it loads after main is its first call.
        int[] all = new int[5];
        int[] notShared = new int[5];
        int pendingAll = 0;
        int pendingNotShared = 0;
        boolean inMain = false;
        boolean done = false;
        for (String line : Files.readAllLines(log)) {
            pendingAll++;
            if (!line.contains(SHARED)) {
                pendingNotShared++;
            }
            int phase = -1;
            if (!inMain && line.contains(" " + MAIN_ENTERED)) {
                inMain = true;
                phase = 0;
            }
            for (int m = 0; m < MARKERS.size() && !done; m++) {
                if (line.contains(" " + MARKERS.get(m))) {
                    phase = m + 1;
                    done = m == MARKERS.size() - 1;
                }
            }
            if (phase >= 0) {
                all[phase] += pendingAll;
                notShared[phase] += pendingNotShared;
                pendingAll = 0;
                pendingNotShared = 0;
            }
        }
        all[4] += pendingAll;
        notShared[4] += pendingNotShared;
        return new ClassLoadPhases(all, notShared);
    }

    /** {@code | a (b) | ...} for the five phases and the total. */
    String tableCells() {
        StringBuilder cells = new StringBuilder();
        int total = 0;
        int totalNotShared = 0;
        for (int i = 0; i < all.length; i++) {
            cells.append(" | ").append(all[i]).append(" (").append(notShared[i]).append(')');
            total += all[i];
            totalNotShared += notShared[i];
        }
        return cells.append(" | ").append(total).append(" (").append(totalNotShared).append(')').toString();
    }
}
