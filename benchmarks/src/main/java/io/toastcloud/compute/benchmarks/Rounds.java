package io.toastcloud.compute.benchmarks;

import io.toastcloud.compute.benchmarks.contenders.ContenderKind;
import io.toastcloud.compute.benchmarks.report.CpuTimeProfiler;
import io.toastcloud.compute.benchmarks.report.Machine;
import io.toastcloud.compute.benchmarks.report.QuietGate;
import io.toastcloud.compute.benchmarks.report.Stats;
import io.toastcloud.compute.benchmarks.server.BenchmarkEndpoint;
import io.toastcloud.compute.benchmarks.server.CannedServerMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs benchmarks in rounds and reports each contender as a ratio to the baseline measured in the
 * same round. The machine is noisy, so contenders are interleaved: in every round each case runs
 * every contender (one JMH fork each) back to back, in an order rotated from round to round, and
 * the ratio is taken within the round. The spread of the ratio over rounds is reported with it.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.toastcloud.compute.benchmarks.Rounds --suite=bar --rounds=5
 * </pre>
 *
 * Options: {@code --suite=bar|transports|layers|concurrency|micro}, {@code --rounds=N}, {@code --warmup=N},
 * {@code --measure=N} (iterations), {@code --time=S} (seconds per iteration),
 * {@code --server=in-process|external}, {@code --contenders=A,B}, {@code --cases=a,b},
 * {@code --quiet=P} (start each fork only once all CPUs are under P% busy; {@code --quiet-max-wait=S}),
 * {@code --out=DIR}.
 */
public final class Rounds {
    private static final List<String> CALL_CASES = List.of("smallResponse", "largeResponse", "create", "tokenRenewal");
    private static final List<ContenderKind> BASELINES = List.of(ContenderKind.BASELINE_JDK_URL_CONNECTION,
            ContenderKind.BASELINE_JDK_HTTP_CLIENT);
    /** Time bars of the issue for the default transport: × the faster baseline. */
    private static final Map<String, Double> TIME_BAR = Map.of("smallResponse", 1.25, "largeResponse", 1.10, "create", 1.10);
    private static final double ALLOC_BAR = 1.30;

    private final Map<String, String> options;
    private final Path out;
    private final List<Row> rows = new ArrayList<>();
    private final QuietGate gate;

    private Rounds(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(options.getOrDefault("out", "benchmarks/target/results"));
        this.gate = new QuietGate(Double.parseDouble(options.getOrDefault("quiet", "0")),
                1000L * Integer.parseInt(options.getOrDefault("quiet-max-wait", "180")));
    }

    /**
     * One measured figure: a benchmark (with its parameter) in one round. {@code microsPerOp} is the
     * median of the fork's measured iterations, not their mean: on a shared machine one iteration
     * caught in someone else's build can be several times slower than the others, and the mean of
     * five follows it. JMH's own mean is kept as {@code jmhMean}.
     */
    record Row(int round, String benchmark, String param, double microsPerOp, double jmhMean, double bytesPerOp,
            double cpuMicrosPerOp) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, got " + a);
            }
            options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        new Rounds(options).run();
    }

    private void run() throws Exception {
        String suite = options.getOrDefault("suite", "bar");
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        Files.createDirectories(out.resolve("jmh-logs"));
        Process externalServer = null;
        List<String> jvmArgs = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        if ("external".equals(options.getOrDefault("server", "in-process"))) {
            externalServer = startExternalServer();
            jvmArgs.add("-D" + BenchmarkEndpoint.PROPERTY + "=" + readEndpoint(externalServer));
        }
        Instant started = Instant.now();
        try {
            for (int round = 0; round < rounds; round++) {
                switch (suite) {
                    case "bar" -> callRound(round, cases(CALL_CASES), contenders(List.of(
                            ContenderKind.BASELINE_JDK_URL_CONNECTION, ContenderKind.BASELINE_JDK_HTTP_CLIENT,
                            ContenderKind.CLIENT_DEFAULT)), jvmArgs);
                    case "transports" -> callRound(round, cases(CALL_CASES), contenders(List.of(
                            ContenderKind.BASELINE_JDK_URL_CONNECTION, ContenderKind.BASELINE_JDK_HTTP_CLIENT,
                            ContenderKind.PROBE_JDK_URL_CONNECTION_STREAMING, ContenderKind.CLIENT_APACHE_HC5,
                            ContenderKind.CLIENT_OKHTTP, ContenderKind.CLIENT_JDK_URL_CONNECTION,
                            ContenderKind.CLIENT_JDK_HTTP_CLIENT)), jvmArgs);
                    case "layers" -> callRound(round, cases(List.of("smallResponse", "create", "largeResponse")),
                            contenders(List.of(ContenderKind.BASELINE_JDK_URL_CONNECTION, ContenderKind.LAYER_HC5,
                                    ContenderKind.LAYER_FEIGN_HC5, ContenderKind.CLIENT_DEFAULT)), jvmArgs);
                    case "concurrency" -> callRound(round, cases(List.of("smallResponseFourThreads")), contenders(List.of(
                            ContenderKind.BASELINE_JDK_URL_CONNECTION, ContenderKind.BASELINE_JDK_HTTP_CLIENT,
                            ContenderKind.CLIENT_APACHE_HC5, ContenderKind.CLIENT_OKHTTP,
                            ContenderKind.CLIENT_JDK_URL_CONNECTION, ContenderKind.CLIENT_JDK_HTTP_CLIENT)), jvmArgs);
                    case "micro" -> microRound(round, jvmArgs);
                    default -> throw new IllegalArgumentException("unknown suite " + suite);
                }
            }
        } finally {
            if (externalServer != null) {
                externalServer.destroy();
            }
        }
        String report = "micro".equals(suite) ? microReport(suite, rounds, started) : callReport(suite, rounds, started);
        Files.writeString(out.resolve(suite + ".md"), report);
        Files.writeString(out.resolve(suite + ".csv"), csv());
        System.out.println();
        System.out.println(report);
        System.out.println("(written to " + out.resolve(suite + ".md") + " and " + out.resolve(suite + ".csv") + ")");
    }

    private List<String> cases(List<String> defaults) {
        String given = options.get("cases");
        return given == null ? defaults : Arrays.asList(given.split(","));
    }

    private List<ContenderKind> contenders(List<ContenderKind> defaults) {
        String given = options.get("contenders");
        return given == null ? defaults : Arrays.stream(given.split(",")).map(ContenderKind::valueOf).toList();
    }

    private void callRound(int round, List<String> cases, List<ContenderKind> contenders, List<String> jvmArgs)
            throws RunnerException, InterruptedException {
        for (String c : cases) {
            for (int i = 0; i < contenders.size(); i++) {
                ContenderKind k = contenders.get((i + round) % contenders.size());
                String name = CallBenchmark.class.getName() + "." + c;
                Collection<RunResult> results = jmh(name, Map.of("contender", k.name()), jvmArgs,
                        "round" + round + "-" + c + "-" + k);
                record(round, results, c, k.name());
            }
        }
    }

    private void microRound(int round, List<String> jvmArgs) throws RunnerException, InterruptedException {
        List<String> benchmarks = List.of(
                DecodeBenchmark.class.getName() + ".feignJacksonDecoder",
                DecodeBenchmark.class.getName() + ".envelopeDecoder",
                DecodeBenchmark.class.getName() + ".jacksonOnBytes",
                ValidationBenchmark.class.getName() + ".validateCreate",
                ValidationBenchmark.class.getName() + ".validateListFlavors",
                ValidationBenchmark.class.getName() + ".validateIssueToken",
                ValidationBenchmark.class.getName() + ".encodeCreate",
                ClientLifecycleBenchmark.class.getName() + ".buildAndClose",
                ClientLifecycleBenchmark.class.getName() + ".buildCallAndClose");
        for (int i = 0; i < benchmarks.size(); i++) {
            String name = benchmarks.get((i + round) % benchmarks.size());
            String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            Collection<RunResult> results = jmh(name, Map.of(), jvmArgs, "round" + round + "-" + shortName);
            for (RunResult r : results) {
                String body = r.getParams().getParam("body");
                record(round, List.of(r), shortName, body == null ? "" : body);
            }
        }
    }

    private Collection<RunResult> jmh(String benchmark, Map<String, String> params, List<String> jvmArgs, String log)
            throws RunnerException, InterruptedException {
        gate.await();
        int seconds = Integer.parseInt(options.getOrDefault("time", "1"));
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark) + "$")
                .forks(1)
                .warmupIterations(Integer.parseInt(options.getOrDefault("warmup", "3")))
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(Integer.parseInt(options.getOrDefault("measure", "5")))
                .measurementTime(TimeValue.seconds(seconds))
                .addProfiler(GCProfiler.class)
                .addProfiler(CpuTimeProfiler.class)
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .output(out.resolve("jmh-logs").resolve(log + ".log").toString());
        params.forEach(b::param);
        Collection<RunResult> results = new Runner(b.build()).run();
        if (results.isEmpty()) {
            throw new IllegalStateException(benchmark + " " + params + " produced no result; see "
                    + out.resolve("jmh-logs").resolve(log + ".log"));
        }
        return results;
    }

    private void record(int round, Collection<RunResult> results, String benchmark, String param) {
        for (RunResult r : results) {
            Result<?> primary = r.getPrimaryResult();
            double alloc = Double.NaN;
            for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = e.getValue().getScore();
                }
            }
            Row row = new Row(round, benchmark, param, medianOfIterations(r, null), primary.getScore(), alloc,
                    medianOfIterations(r, CpuTimeProfiler.NAME));
            rows.add(row);
            System.out.printf(Locale.ROOT, "[round %d] %-26s %-36s %12.2f us/op %12.0f B/op %10.2f us CPU/op%n",
                    round + 1, benchmark, param, row.microsPerOp(), row.bytesPerOp(), row.cpuMicrosPerOp());
        }
    }

    /** Median over the fork's measured iterations of the primary result, or of the named secondary one. */
    private static double medianOfIterations(RunResult r, String secondary) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult i : b.getIterationResults()) {
                Result<?> result = secondary == null ? i.getPrimaryResult() : i.getSecondaryResults().get(secondary);
                if (result != null) {
                    scores.add(result.getScore());
                }
            }
        }
        return scores.isEmpty() ? Double.NaN : Stats.of(scores).median();
    }

    private String callReport(String suite, int rounds, Instant started) {
        StringBuilder md = new StringBuilder();
        header(md, suite, rounds, started);
        List<String> cases = rows.stream().map(Row::benchmark).distinct().toList();
        StringBuilder bar = new StringBuilder();
        for (String c : cases) {
            ContenderKind baseline = fasterBaseline(c);
            md.append("\n### ").append(c).append("\n\n");
            if (baseline == null) {
                md.append("(no baseline in this run: absolute figures only)\n\n");
            } else {
                md.append("Baseline: ").append(baseline).append(" (the faster of the two hand-written JDK calls here).\n\n");
            }
            md.append("| contender | µs/call, median (min–max over rounds) | × baseline time, median (min–max) "
                    + "| bytes allocated/call, mean | × baseline allocation, median (min–max) "
                    + "| CPU µs/call (whole JVM), median | × baseline CPU, median (min–max) |\n|---|---|---|---|---|---|---|\n");
            List<String> contenders = rows.stream().filter(r -> r.benchmark().equals(c)).map(Row::param).distinct().toList();
            for (String k : contenders) {
                Stats time = Stats.of(values(c, k, Row::microsPerOp));
                Stats alloc = Stats.of(values(c, k, Row::bytesPerOp));
                Stats timeRatio = baseline == null ? null : Stats.of(ratios(c, k, baseline.name(), Row::microsPerOp));
                Stats allocRatio = baseline == null ? null : Stats.of(ratios(c, k, baseline.name(), Row::bytesPerOp));
                Stats cpu = Stats.of(values(c, k, Row::cpuMicrosPerOp));
                Stats cpuRatio = baseline == null ? null : Stats.of(ratios(c, k, baseline.name(), Row::cpuMicrosPerOp));
                md.append("| ").append(k).append(" | ").append(time.medianWithRange("%.1f")).append(" | ")
                        .append(timeRatio == null ? "" : timeRatio.medianWithRange("%.3f")).append(" | ")
                        .append(String.format(Locale.ROOT, "%,.0f", alloc.mean())).append(" | ")
                        .append(allocRatio == null ? "" : allocRatio.medianWithRange("%.3f")).append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f", cpu.median())).append(" | ")
                        .append(cpuRatio == null ? "" : cpuRatio.medianWithRange("%.3f")).append(" |\n");
                if (k.equals(ContenderKind.CLIENT_DEFAULT.name()) && baseline != null) {
                    Double limit = TIME_BAR.get(c);
                    bar.append("| ").append(c).append(" | ").append(timeRatio.medianWithRange("%.3f")).append(" | ")
                            .append(limit == null ? "(none set)" : String.format(Locale.ROOT, "≤ %.2f: %s", limit,
                                    timeRatio.median() <= limit ? "met" : "MISSED"))
                            .append(" | ").append(allocRatio.medianWithRange("%.3f")).append(" | ")
                            .append(String.format(Locale.ROOT, "≤ %.2f: %s", ALLOC_BAR,
                                    allocRatio.median() <= ALLOC_BAR ? "met" : "MISSED"))
                            .append(" | ").append(cpuRatio.medianWithRange("%.3f"))
                            .append(" |\n");
                }
            }
        }
        if (bar.length() > 0) {
            md.append("\n### The bar (CLIENT_DEFAULT against the faster baseline; median of the per-round ratios)\n\n")
                    .append("| case | × time (min–max) | time bar | × allocation (min–max) | allocation bar "
                            + "| × CPU (min–max), for reading the time |\n")
                    .append("|---|---|---|---|---|---|\n").append(bar);
        }
        return md.toString();
    }

    private String microReport(String suite, int rounds, Instant started) {
        StringBuilder md = new StringBuilder();
        header(md, suite, rounds, started);
        md.append("\n| benchmark | body | µs/op, median (min–max over rounds) | bytes allocated/op, mean | CPU µs/op (whole JVM), median |\n|---|---|---|---|---|\n");
        List<String> keys = rows.stream().map(r -> r.benchmark() + "\u0000" + r.param()).distinct().toList();
        for (String key : keys) {
            String[] parts = key.split("\u0000", -1);
            Stats time = Stats.of(values(parts[0], parts[1], Row::microsPerOp));
            Stats alloc = Stats.of(values(parts[0], parts[1], Row::bytesPerOp));
            md.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ")
                    .append(time.medianWithRange("%.2f")).append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f", alloc.mean())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", Stats.of(values(parts[0], parts[1], Row::cpuMicrosPerOp)).median()))
                    .append(" |\n");
        }
        for (String body : List.of("large", "small")) {
            List<Double> readerOverBytes = ratios("DecodeBenchmark.feignJacksonDecoder", body,
                    "DecodeBenchmark.envelopeDecoder", body, Row::microsPerOp);
            if (!readerOverBytes.isEmpty()) {
                md.append(String.format(Locale.ROOT, "%nfeign-jackson (Reader) ÷ EnvelopeDecoder (byte stream), %s body: "
                        + "time %s, allocation %s%n", body, Stats.of(readerOverBytes).medianWithRange("%.3f"),
                        Stats.of(ratios("DecodeBenchmark.feignJacksonDecoder", body, "DecodeBenchmark.envelopeDecoder",
                                body, Row::bytesPerOp)).medianWithRange("%.3f")));
            }
        }
        return md.toString();
    }

    private void header(StringBuilder md, String suite, int rounds, Instant started) {
        md.append("## Suite `").append(suite).append("`\n\n")
                .append("- Machine: ").append(Machine.describe()).append('\n')
                .append("- Started ").append(started).append(", finished ").append(Instant.now()).append('\n')
                .append("- ").append(rounds).append(" rounds; per contender and round one JMH fork, ")
                .append(options.getOrDefault("warmup", "3")).append(" warm-up + ")
                .append(options.getOrDefault("measure", "5")).append(" measured iterations of ")
                .append(options.getOrDefault("time", "1")).append(" s (a fork's time per call: the median of its measured ")
                .append("iterations); -prof gc; heap -Xms1g -Xmx1g; server ")
                .append(options.getOrDefault("server", "in-process")).append('\n')
                .append("- Quiet gate: ").append(gate.describe()).append("; waited ")
                .append(gate.totalWaitedMillis() / 1000).append(" s in all\n");
    }

    private ContenderKind fasterBaseline(String benchmark) {
        ContenderKind best = null;
        double bestTime = Double.MAX_VALUE;
        for (ContenderKind b : BASELINES) {
            List<Double> times = values(benchmark, b.name(), Row::microsPerOp);
            if (!times.isEmpty() && Stats.of(times).median() < bestTime) {
                bestTime = Stats.of(times).median();
                best = b;
            }
        }
        return best;
    }

    private List<Double> values(String benchmark, String param, java.util.function.ToDoubleFunction<Row> f) {
        return rows.stream().filter(r -> r.benchmark().equals(benchmark) && r.param().equals(param))
                .map(f::applyAsDouble).collect(Collectors.toList());
    }

    private List<Double> ratios(String benchmark, String param, String baselineParam,
            java.util.function.ToDoubleFunction<Row> f) {
        return ratios(benchmark, param, benchmark, baselineParam, f);
    }

    /** Per round: figure of (benchmark, param) ÷ figure of (baseBenchmark, baseParam) in the same round. */
    private List<Double> ratios(String benchmark, String param, String baseBenchmark, String baseParam,
            java.util.function.ToDoubleFunction<Row> f) {
        List<Double> out = new ArrayList<>();
        for (Row r : rows) {
            if (!r.benchmark().equals(benchmark) || !r.param().equals(param)) {
                continue;
            }
            for (Row b : rows) {
                if (b.round() == r.round() && b.benchmark().equals(baseBenchmark) && b.param().equals(baseParam)) {
                    out.add(f.applyAsDouble(r) / f.applyAsDouble(b));
                }
            }
        }
        return out;
    }

    private String csv() {
        StringBuilder s = new StringBuilder("round,benchmark,param,us_per_op_median_of_iterations,us_per_op_jmh_mean,bytes_per_op,"
                + "cpu_us_per_op_whole_jvm\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%d,%s,%s,%.3f,%.3f,%.1f,%.3f%n", r.round() + 1, r.benchmark(), r.param(),
                    r.microsPerOp(), r.jmhMean(), r.bytesPerOp(), r.cpuMicrosPerOp()));
        }
        return s.toString();
    }

    private static Process startExternalServer() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CannedServerMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String readEndpoint(Process server) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null || !line.startsWith("listening ")) {
            server.destroy();
            throw new IllegalStateException("the external canned server did not start (said: " + line + ")");
        }
        return line.substring("listening ".length());
    }
}
