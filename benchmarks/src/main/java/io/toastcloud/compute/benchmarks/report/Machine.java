package io.toastcloud.compute.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a figure came from: CPUs, CPU model, memory, kernel, JDK. */
public final class Machine {
    private Machine() {
    }

    public static String describe() {
        return "CPUs: " + Runtime.getRuntime().availableProcessors()
                + "; CPU: " + procLine("/proc/cpuinfo", "model name")
                + "; memory: " + procLine("/proc/meminfo", "MemTotal")
                + "; OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + "; JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "; this JVM (and the JVMs it starts) may run on CPUs: " + procLine("/proc/self/status", "Cpus_allowed_list");
    }

    private static String procLine(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown (" + file + " unreadable)";
        }
        return "unknown";
    }
}
