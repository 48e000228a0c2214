package io.toastcloud.compute.benchmarks.report;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole benchmark JVM per operation ({@value #NAME}, µs/op): every thread counts,
 * the caller's, the HTTP client's, the in-JVM canned server's (the same for every contender), the
 * JIT's and the GC's. Wall time per call on loopback also holds the time threads spend being woken
 * up, which on this virtual machine is longer when it is idle than when it is busy and is the same
 * for every contender; CPU time shows the work each contender does, and is less disturbed by other
 * processes. Used with {@code -prof io.toastcloud.compute.benchmarks.report.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    public static final String NAME = "cpu.time.norm";

    private long before;

    @Override
    public String getDescription() {
        return "CPU time of the whole JVM per operation (all threads)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        double perOp = ops == 0 ? Double.NaN : (processCpuNanos() - before) / 1000.0 / ops;
        return List.of(new ScalarResult(NAME, perOp, "us/op", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
