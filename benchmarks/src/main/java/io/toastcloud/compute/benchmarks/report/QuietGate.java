package io.toastcloud.compute.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Waits, before a measurement starts, until the machine is quiet: the share of all CPUs busy
 * over one second (from {@code /proc/stat}) below a limit, for at most a given time. On a shared
 * machine this keeps measurements out of other people's builds; it cannot stop a build that starts
 * during one, which is what interleaving and repeated rounds are for.
 */
public final class QuietGate {
    private final double maxBusyPercent;
    private final long maxWaitMillis;
    private long totalWaitedMillis;

    /** @param maxBusyPercent 0 or less turns the gate off */
    public QuietGate(double maxBusyPercent, long maxWaitMillis) {
        this.maxBusyPercent = maxBusyPercent;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** Returns the busy share seen last (percent), or NaN when the gate is off or /proc/stat is unreadable. */
    public double await() throws InterruptedException {
        if (maxBusyPercent <= 0) {
            return Double.NaN;
        }
        long start = System.currentTimeMillis();
        double busy;
        while (true) {
            busy = busyPercentOverOneSecond();
            if (Double.isNaN(busy) || busy < maxBusyPercent || System.currentTimeMillis() - start > maxWaitMillis) {
                break;
            }
        }
        long waited = System.currentTimeMillis() - start;
        totalWaitedMillis += waited;
        if (waited > 2000) {
            System.out.printf(Locale.ROOT, "  (waited %.0f s for the machine to quieten; now %.0f%% busy)%n", waited / 1000.0, busy);
        }
        return busy;
    }

    public long totalWaitedMillis() {
        return totalWaitedMillis;
    }

    public String describe() {
        return maxBusyPercent <= 0 ? "off" : String.format(Locale.ROOT,
                "each measurement started once all CPUs were less than %.0f%% busy over 1 s (waiting at most %d s)",
                maxBusyPercent, maxWaitMillis / 1000);
    }

    private static double busyPercentOverOneSecond() throws InterruptedException {
        long[] a = cpuTimes();
        Thread.sleep(1000);
        long[] b = cpuTimes();
        if (a == null || b == null) {
            return Double.NaN;
        }
        long idle = b[1] - a[1];
        long total = b[0] - a[0];
        return total <= 0 ? Double.NaN : 100.0 * (total - idle) / total;
    }

    /** {total, idle+iowait} jiffies of the "cpu" line of /proc/stat. */
    private static long[] cpuTimes() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
