package io.toastcloud.compute.emulator;

import io.toastcloud.compute.emulator.demo.LifecycleDemo;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar toast-compute-emulator.jar [serve|demo|help] [options]} (see {@link CommandLine#USAGE}). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        CommandLine.Parsed parsed;
        try {
            parsed = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("toast-compute-emulator: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        configureLogging(parsed);
        switch (parsed.command()) {
            case HELP -> System.out.println(CommandLine.USAGE);
            case DEMO -> demo(parsed, System.out);
            case SERVE -> serve(parsed);
        }
    }

    private static void serve(CommandLine.Parsed parsed) throws InterruptedException {
        EmulatorServer server;
        try {
            server = EmulatorServer.start(parsed.config());
        } catch (UncheckedIOException e) {
            System.err.println("toast-compute-emulator: " + e.getMessage() + ": " + e.getCause().getMessage()
                    + " (another --port? --port 0 picks a free one)");
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "toast-emulator-shutdown"));
        System.out.println("TOAST Compute emulator: " + server.endpoint() + " (users: "
                + parsed.config().users().stream().map(EmulatorUser::name).toList() + "; Ctrl-C stops it)");
        stopped.await();
    }

    private static void demo(CommandLine.Parsed parsed, PrintStream out) {
        try {
            LifecycleDemo.run(out, parsed.demo());
        } catch (RuntimeException e) {
            System.err.println("the demo failed: " + e);
            System.exit(1);
        }
    }

    /** slf4j-simple (in the executable jar) reads system properties; set them unless the user did. */
    private static void configureLogging(CommandLine.Parsed parsed) {
        String emulatorLevel = parsed.command() == CommandLine.Command.DEMO ? "warn" : parsed.verbose() ? "debug" : "info";
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.toastcloud.compute.emulator", emulatorLevel);
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
