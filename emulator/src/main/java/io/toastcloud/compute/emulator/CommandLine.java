package io.toastcloud.compute.emulator;

import io.toastcloud.compute.emulator.control.ManualClock;
import io.toastcloud.compute.emulator.demo.LifecycleDemo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code [serve] [options]}, {@code demo [options]} or {@code help}. Kept
 * apart from {@link Main} so that tests can read arguments without starting anything.
 */
public final class CommandLine {
    public static final String USAGE = String.join("\n",
            "Usage: java -jar toast-compute-emulator.jar [serve] [options]   run the emulator until stopped (Ctrl-C)",
            "       java -jar toast-compute-emulator.jar demo [options]      run the lifecycle demo against an emulator",
            "       java -jar toast-compute-emulator.jar help",
            "",
            "serve options:",
            "  --port N                 port on 127.0.0.1 (default " + EmulatorConfig.DEFAULT_PORT + "; 0 = any free port)",
            "  --data-dir DIR           keep the state in DIR: loaded at start, saved after every change",
            "  --user NAME:PASSWORD[:APPKEY,...]   a user that may issue tokens (repeatable; default",
            "                           " + EmulatorUser.DEFAULT.name() + ":" + EmulatorUser.DEFAULT.password()
                    + ", any appkey); with APPKEYs, only for those",
            "  --token-lifetime D       how long a token is valid (default 1h)",
            "  --delays D               every status transition takes D (e.g. 50ms)",
            "  --delay NAME=D           one transition (repeatable): " + transitionNames(),
            "  --floating-ips N         addresses in each appkey's floating IP pool (default "
                    + EmulatorConfig.DEFAULT_FLOATING_IPS + ")",
            "  --threads N              worker threads (default " + EmulatorConfig.DEFAULT_THREADS + ")",
            "  --failure-prefix P       names starting with P fail: instance ERROR, volume error, image killed",
            "                           (default '" + EmulatorConfig.DEFAULT_FAILURE_PREFIX + "'; '' turns it off)",
            "  --control-plane          answer the control plane under /_emulator/ (reset, state, clock, faults)",
            "  --manual-clock           the clock moves only through the control plane (POST /_emulator/clock/advance)",
            "  --verbose                log every request (method, path, result code; never tokens or bodies)",
            "demo options:",
            "  --endpoint URL           use a running emulator instead of starting one in the process",
            "  --appkey KEY             appkey to use (default demo-appkey)",
            "  --user NAME:PASSWORD     credentials (default the emulator's default user)",
            "  --delays D, --delay NAME=D   delays of the in-process emulator (default: its defaults)",
            "  --poll D                 how often the waiters poll (default 250ms)",
            "Durations: 250ms, 2s, 1.5s, 5m, 1h or ISO-8601 (PT1H).");

    /** What to run. */
    public enum Command { SERVE, DEMO, HELP }

    /** A parsed command line. */
    public record Parsed(Command command, EmulatorConfig config, LifecycleDemo.Options demo, boolean verbose) {
    }

    private CommandLine() {
    }

    public static Parsed parse(String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        Command command = Command.SERVE;
        if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
            command = switch (rest.remove(0)) {
                case "serve" -> Command.SERVE;
                case "demo" -> Command.DEMO;
                case "help" -> Command.HELP;
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            };
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            return new Parsed(Command.HELP, EmulatorConfig.defaults(), LifecycleDemo.Options.defaults(), false);
        }
        // Standalone, the control plane is off unless asked for: anyone who can reach the port could reset the state.
        EmulatorConfig.Builder config = EmulatorConfig.builder().controlPlane(false);
        LifecycleDemo.Options demo = LifecycleDemo.Options.defaults();
        Delays delays = Delays.defaults();
        boolean verbose = false;
        for (int i = 0; i < rest.size(); i++) {
            String option = rest.get(i);
            if (option.equals("--verbose")) {
                verbose = true;
                continue;
            }
            if (option.equals("--control-plane")) {
                config.controlPlane(true);
                continue;
            }
            if (option.equals("--manual-clock")) {
                config.manualClock();
                continue;
            }
            if (i + 1 >= rest.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = rest.get(++i);
            switch (option) {
                case "--port" -> config.port(integer(option, value));
                case "--data-dir" -> config.dataDir(Path.of(value));
                case "--user" -> {
                    EmulatorUser user = EmulatorUser.parse(value);
                    config.user(user);
                    demo = new LifecycleDemo.Options(demo.endpoint(), demo.appkey(), user, demo.delays(), demo.poll());
                }
                case "--token-lifetime" -> config.tokenLifetime(Durations.parse(value));
                case "--delays" -> delays = Delays.uniform(Durations.parse(value));
                case "--delay" -> delays = delay(delays, value);
                case "--floating-ips" -> config.floatingIpsPerAppkey(integer(option, value));
                case "--threads" -> config.threads(integer(option, value));
                case "--failure-prefix" -> config.failurePrefix(value);
                case "--endpoint" -> demo = demo.withEndpoint(value);
                case "--appkey" -> demo = new LifecycleDemo.Options(demo.endpoint(), value, demo.user(), demo.delays(),
                        demo.poll());
                case "--poll" -> demo = demo.withDelays(demo.delays(), Durations.parse(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        config.delays(delays);
        demo = demo.withDelays(delays, demo.poll());
        EmulatorConfig built = config.build();
        if (built.clock() instanceof ManualClock && !built.controlPlane()) {
            throw new IllegalArgumentException("--manual-clock needs --control-plane (nothing else can move the clock)");
        }
        return new Parsed(command, built, demo, verbose);
    }

    private static Delays delay(Delays delays, String spec) {
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("--delay takes NAME=DURATION, e.g. instance-build=3s");
        }
        String name = spec.substring(0, eq);
        Transition t = Transition.byKey(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown transition '" + name + "'; one of: " + transitionNames()));
        Duration d = Durations.parse(spec.substring(eq + 1));
        return delays.with(t, d);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    private static String transitionNames() {
        List<String> names = new ArrayList<>();
        for (Transition t : Transition.values()) {
            names.add(t.key());
        }
        return String.join(", ", names);
    }
}
