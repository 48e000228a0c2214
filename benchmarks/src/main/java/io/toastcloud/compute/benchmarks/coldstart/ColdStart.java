package io.toastcloud.compute.benchmarks.coldstart;

import io.toastcloud.compute.benchmarks.contenders.ContenderKind;
import io.toastcloud.compute.benchmarks.report.Machine;
import io.toastcloud.compute.benchmarks.report.QuietGate;
import io.toastcloud.compute.benchmarks.report.Stats;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.benchmarks.server.CannedServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: a fresh JVM from process start to exit after its first successful call, the client
 * against the hand-written baselines, run after run in rotating order against a canned server in
 * this (another) process. Wall time is taken around the child process; peak memory (max RSS) from
 * {@code /usr/bin/time} when it is installed (Debian package {@code time}), else from the child's
 * {@code /proc/self/status} at exit.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.toastcloud.compute.benchmarks.coldstart.ColdStart --runs=10
 * </pre>
 *
 * Each side gets its own class path (written by the build into {@code benchmarks/target/cold-start}):
 * the client and its whole runtime closure, or the baseline's Jackson plus the client jar for the
 * same model classes. Options: {@code --runs=N}, {@code --contenders=A,B},
 * {@code --jvm-args="-Xshare:auto ..."}, {@code --cds=true} (also measure every contender with
 * an application class-data archive made by a training run), {@code --classpath-dir=DIR},
 * {@code --quiet=P} (start each run only once all CPUs are under P% busy), {@code --out=DIR},
 * {@code --classes=true} (after the timed runs, one more run of each contender with
 * {@code -Xlog:class+load}, its classes counted per phase: {@link ClassLoadPhases}). Every run
 * reports its phases ({@link Phases}); the report gives their medians next to the wall time.
 */
public final class ColdStart {
    private static final String TIME = "/usr/bin/time";
    private static final String RSS_MARK = "coldstart-peak-rss-kb=";
    private static final String CPU_MARK = "coldstart-cpu-seconds=";

    private final Map<String, String> options;
    private final Path classpathDir;
    private final Path out;
    private final boolean haveTime = new File(TIME).canExecute();
    private final List<Run> runs = new ArrayList<>();
    private final QuietGate gate;
    private final Map<String, ClassLoadPhases> classCounts = new LinkedHashMap<>();

    record Run(int round, String contender, double millis, double peakRssMb, double cpuMillis, PhaseLine phases) {
    }

    private ColdStart(Map<String, String> options) {
        this.options = options;
        this.classpathDir = Path.of(options.getOrDefault("classpath-dir", "benchmarks/target/cold-start"));
        this.out = Path.of(options.getOrDefault("out", "benchmarks/target/results"));
        this.gate = new QuietGate(Double.parseDouble(options.getOrDefault("quiet", "0")),
                1000L * Integer.parseInt(options.getOrDefault("quiet-max-wait", "180")));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, got " + a);
            }
            options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        new ColdStart(options).run();
    }

    private void run() throws Exception {
        int rounds = Integer.parseInt(options.getOrDefault("runs", "10"));
        List<ContenderKind> contenders = Arrays.stream(options.getOrDefault("contenders",
                "BASELINE_JDK_URL_CONNECTION,BASELINE_JDK_HTTP_CLIENT,CLIENT_DEFAULT").split(","))
                .map(ContenderKind::valueOf).toList();
        boolean cds = Boolean.parseBoolean(options.getOrDefault("cds", "false"));
        Files.createDirectories(out);
        Instant started = Instant.now();
        try (CannedServer server = CannedServer.start(CannedResponses.fromBundledContract())) {
            List<String> labels = new ArrayList<>();
            Map<String, List<String>> commands = new LinkedHashMap<>();
            for (ContenderKind k : contenders) {
                commands.put(k.name(), command(k, server.endpoint(), List.of()));
                if (cds) {
                    Path archive = out.resolve("cds-" + k.name() + ".jsa");
                    Files.deleteIfExists(archive);
                    runChild(command(k, server.endpoint(), List.of("-XX:ArchiveClassesAtExit=" + archive)));
                    commands.put(k.name() + "+AppCDS", command(k, server.endpoint(),
                            List.of("-XX:SharedArchiveFile=" + archive)));
                }
            }
            labels.addAll(commands.keySet());
            for (String label : labels) {
                runChild(commands.get(label)); // warm the file cache; not counted
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < labels.size(); i++) {
                    String label = labels.get((i + round) % labels.size());
                    gate.await();
                    long spawned = Phases.epochMicros();
                    long t0 = System.nanoTime();
                    String stderr = runChild(commands.get(label));
                    double millis = (System.nanoTime() - t0) / 1e6;
                    long ended = Phases.epochMicros();
                    Run r = new Run(round, label, millis, peakRssMb(stderr), cpuMillis(stderr),
                            PhaseLine.parse(stderr, spawned, ended));
                    runs.add(r);
                    System.out.printf(Locale.ROOT, "[run %d] %-40s %8.1f ms %8.1f MB %8.1f ms CPU%n", round + 1, label,
                            millis, r.peakRssMb(), r.cpuMillis());
                }
            }
        }
        if (Boolean.parseBoolean(options.getOrDefault("classes", "false"))) {
            try (CannedServer server = CannedServer.start(CannedResponses.fromBundledContract())) {
                for (ContenderKind k : contenders) {
                    Path log = out.resolve("class-load-" + k.name() + ".log");
                    Files.deleteIfExists(log);
                    runChild(command(k, server.endpoint(), List.of("-Xlog:class+load:file=" + log)));
                    classCounts.put(k.name(), ClassLoadPhases.count(log));
                }
            }
        }
        String report = report(rounds, started);
        Files.writeString(out.resolve("cold-start.md"), report);
        System.out.println();
        System.out.println(report);
        System.out.println("(written to " + out.resolve("cold-start.md") + ")");
    }

    private List<String> command(ContenderKind kind, String endpoint, List<String> extraJvmArgs) throws IOException {
        String classes = ownJar().toString();
        String deps;
        String main;
        List<String> args = new ArrayList<>(List.of(endpoint));
        switch (kind) {
            case BASELINE_JDK_URL_CONNECTION -> {
                deps = read("baseline.classpath");
                main = BaselineUrlConnectionMain.class.getName();
            }
            case BASELINE_JDK_HTTP_CLIENT -> {
                deps = read("baseline.classpath");
                main = BaselineHttpClientMain.class.getName();
            }
            case LAYER_HC5, LAYER_FEIGN_HC5 -> {
                deps = read("client.classpath");
                main = LayerMain.class.getName();
                args.add(kind.name());
            }
            default -> {
                if (!kind.isClient()) {
                    throw new IllegalArgumentException(kind + " has no cold-start program");
                }
                deps = read("client.classpath");
                main = ClientMain.class.getName();
                args.add(kind == ContenderKind.CLIENT_DEFAULT ? "DEFAULT" : kind.name().substring("CLIENT_".length()));
            }
        }
        List<String> cmd = new ArrayList<>();
        if (haveTime) {
            cmd.addAll(List.of(TIME, "-f", RSS_MARK + "%M\n" + CPU_MARK + "%U %S"));
        }
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        String extra = options.get("jvm-args");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        cmd.addAll(extraJvmArgs);
        if (!haveTime) {
            cmd.add("-Dcoldstart.rss=true");
        }
        cmd.add("-Dcoldstart.phases=true");
        cmd.addAll(List.of("-cp", classes + File.pathSeparator + deps, main));
        cmd.addAll(args);
        return cmd;
    }

    /**
     * The module's own (unshaded) jar: the cold-start mains without the rest of the benchmarks'
     * dependencies. A jar, not target/classes, because class-data archives accept only jars.
     */
    private Path ownJar() throws IOException {
        Path target = classpathDir.toAbsolutePath().getParent();
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("toast-compute-benchmarks-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no toast-compute-benchmarks jar in " + target
                            + ": build the module first (mvn -B -pl benchmarks -am package)"));
        }
    }

    private String read(String file) throws IOException {
        Path p = classpathDir.resolve(file);
        if (!Files.isReadable(p)) {
            throw new IllegalStateException(p + " is missing: build the module first (mvn -B -pl benchmarks -am package)");
        }
        return Files.readString(p).trim();
    }

    private static String runChild(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        byte[] stderr = p.getErrorStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("a cold-start run did not end: " + command);
        }
        String said = new String(stdout, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || !said.contains("flavors=2")) {
            throw new IllegalStateException("a cold-start run failed (exit " + p.exitValue() + "): " + command
                    + "\nstdout: " + said + "\nstderr: " + new String(stderr, StandardCharsets.UTF_8));
        }
        return new String(stderr, StandardCharsets.UTF_8);
    }

    private static double peakRssMb(String stderr) {
        for (String line : stderr.split("\n")) {
            if (line.startsWith(RSS_MARK)) {
                return Long.parseLong(line.substring(RSS_MARK.length()).trim()) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static double cpuMillis(String stderr) {
        for (String line : stderr.split("\n")) {
            if (line.startsWith(CPU_MARK)) {
                String[] userSys = line.substring(CPU_MARK.length()).trim().split("\\s+");
                return (Double.parseDouble(userSys[0]) + Double.parseDouble(userSys[1])) * 1000;
            }
        }
        return Double.NaN;
    }

    private String report(int rounds, Instant started) {
        StringBuilder md = new StringBuilder("## Cold start\n\n")
                .append("- Machine: ").append(Machine.describe()).append('\n')
                .append("- Started ").append(started).append(", finished ").append(Instant.now()).append('\n')
                .append("- ").append(rounds).append(" runs per contender, rotating order; wall time from process start ")
                .append("to exit; peak RSS ").append(haveTime ? "from /usr/bin/time (max resident set size)" : "unavailable")
                .append("; extra JVM options: ").append(options.getOrDefault("jvm-args", "none"))
                .append("; quiet gate: ").append(gate.describe()).append("\n\n");
        List<String> labels = runs.stream().map(Run::contender).distinct().toList();
        String baseline = null;
        double best = Double.MAX_VALUE;
        for (String l : List.of(ContenderKind.BASELINE_JDK_URL_CONNECTION.name(), ContenderKind.BASELINE_JDK_HTTP_CLIENT.name())) {
            List<Double> t = values(l, Run::millis);
            if (!t.isEmpty() && Stats.of(t).median() < best) {
                best = Stats.of(t).median();
                baseline = l;
            }
        }
        md.append("Baseline: ").append(baseline).append(" (the faster median of the two hand-written JDK programs).\n\n")
                .append("| contender | ms, median (min–max) | × baseline (ratio of medians) | × baseline per run, mean (min–max) "
                        + "| peak RSS MB, median (min–max) | × baseline RSS (ratio of medians) "
                        + "| CPU ms (user+sys, all threads), median | × baseline CPU |\n|---|---|---|---|---|---|---|---|\n");
        Stats base = baseline == null ? null : Stats.of(values(baseline, Run::millis));
        Stats baseRss = baseline == null ? null : Stats.of(values(baseline, Run::peakRssMb));
        Stats baseCpu = baseline == null ? null : Stats.of(values(baseline, Run::cpuMillis));
        for (String l : labels) {
            Stats t = Stats.of(values(l, Run::millis));
            Stats rss = Stats.of(values(l, Run::peakRssMb));
            Stats cpu = Stats.of(values(l, Run::cpuMillis));
            List<Double> perRun = new ArrayList<>();
            for (Run r : runs) {
                if (r.contender().equals(l)) {
                    for (Run b : runs) {
                        if (b.round() == r.round() && b.contender().equals(baseline)) {
                            perRun.add(r.millis() / b.millis());
                        }
                    }
                }
            }
            md.append("| ").append(l).append(" | ").append(t.medianWithRange("%.0f")).append(" | ")
                    .append(base == null ? "" : String.format(Locale.ROOT, "%.2f", t.median() / base.median())).append(" | ")
                    .append(perRun.isEmpty() ? "" : Stats.of(perRun).meanWithRange("%.2f")).append(" | ")
                    .append(rss.medianWithRange("%.0f")).append(" | ")
                    .append(baseRss == null ? "" : String.format(Locale.ROOT, "%.2f", rss.median() / baseRss.median()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f", cpu.median())).append(" | ")
                    .append(baseCpu == null ? "" : String.format(Locale.ROOT, "%.2f", cpu.median() / baseCpu.median()))
                    .append(" |\n");
        }
        md.append("\nPer phase, medians in ms (JVM start: process spawned to `main` entered; contract: ")
                .append("`Contract.bundled()`; client build: the rest of `build()`; first call: the token and ")
                .append("`listFlavors`; exit: closing and the JVM's exit, to the process gone):\n\n")
                .append("| contender | JVM start | contract | client build | first call | exit | total (wall) |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (String l : labels) {
            List<PhaseLine> phases = runs.stream().filter(r -> r.contender().equals(l) && r.phases() != null)
                    .map(Run::phases).toList();
            if (phases.isEmpty()) {
                continue;
            }
            md.append("| ").append(l);
            for (java.util.function.ToDoubleFunction<PhaseLine> f : List.<java.util.function.ToDoubleFunction<PhaseLine>>of(
                    PhaseLine::jvmStart, PhaseLine::contract, PhaseLine::build, PhaseLine::firstCall, PhaseLine::exit)) {
                md.append(" | ").append(String.format(Locale.ROOT, "%.0f",
                        Stats.of(phases.stream().map(p -> f.applyAsDouble(p)).toList()).median()));
            }
            md.append(" | ").append(String.format(Locale.ROOT, "%.0f", Stats.of(values(l, Run::millis)).median()))
                    .append(" |\n");
        }
        if (!classCounts.isEmpty()) {
            md.append("\nClasses loaded per phase, one run each with `-Xlog:class+load` (all / not from the JDK's ")
                    .append("class-data archive, i.e. read from jars or spun at run time):\n\n")
                    .append("| contender | JVM start to `main` | contract | client build | first call | exit | total |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            classCounts.forEach((label, counts) -> md.append("| ").append(label).append(counts.tableCells()).append(" |\n"));
        }
        return md.toString();
    }

    private List<Double> values(String contender, java.util.function.ToDoubleFunction<Run> f) {
        List<Double> v = new ArrayList<>();
        for (Run r : runs) {
            if (r.contender().equals(contender)) {
                v.add(f.applyAsDouble(r));
            }
        }
        return v;
    }
}
