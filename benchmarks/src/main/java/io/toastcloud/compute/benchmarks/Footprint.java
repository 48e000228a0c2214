package io.toastcloud.compute.benchmarks;

import io.toastcloud.compute.benchmarks.report.Machine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Footprint: the size of the client jar and of the runtime dependencies it needs, per transport,
 * from the client's runtime class path that the build writes to
 * {@code benchmarks/target/cold-start/client.classpath}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.toastcloud.compute.benchmarks.Footprint
 * </pre>
 */
public final class Footprint {
    /** Jars (by file-name prefix) that only one transport needs. */
    private static final Map<String, List<String>> TRANSPORT_JARS = new LinkedHashMap<>();

    static {
        TRANSPORT_JARS.put("APACHE_HC5", List.of("httpclient5-", "httpcore5-"));
        // Optional in the client's pom: only applications that choose OkHttp add it.
        TRANSPORT_JARS.put("OKHTTP", List.of("feign-okhttp-", "okhttp-", "okio-", "kotlin-stdlib-", "annotations-13"));
        // feign-java11 is not the JDK client transport's alone: every transport sends getToken through it.
        TRANSPORT_JARS.put("JDK_HTTP_CLIENT", List.of());
        TRANSPORT_JARS.put("JDK_URL_CONNECTION", List.of());
    }

    /** On the benchmark's class path but not the client's business. */
    private static final List<String> NOT_THE_CLIENTS = List.of("slf4j-nop-");

    private Footprint() {
    }

    public static void main(String[] args) throws IOException {
        Path classpath = Path.of(args.length > 0 ? args[0] : "benchmarks/target/cold-start/client.classpath");
        if (!Files.isReadable(classpath)) {
            throw new IllegalStateException(classpath + " is missing: build the module first (mvn -B -pl benchmarks -am package)");
        }
        List<Path> jars = new ArrayList<>();
        for (String entry : Files.readString(classpath).trim().split(File.pathSeparator)) {
            jars.add(Path.of(entry));
        }
        StringBuilder md = new StringBuilder("## Footprint\n\n- Machine: ").append(Machine.describe())
                .append("\n- From ").append(classpath).append(" (the client's runtime class path)\n\n")
                .append("| jar | MB | needed by |\n|---|---|---|\n");
        long common = 0;
        long client = 0;
        Map<String, Long> perTransport = new LinkedHashMap<>();
        TRANSPORT_JARS.keySet().forEach(t -> perTransport.put(t, 0L));
        long all = 0;
        long jacksonOnly = 0;
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            if (NOT_THE_CLIENTS.stream().anyMatch(name::startsWith)) {
                continue;
            }
            long size = Files.size(jar);
            all += size;
            if (name.startsWith("jackson-databind-") || name.startsWith("jackson-core-") || name.startsWith("jackson-annotations-")) {
                jacksonOnly += size;
            }
            String owner = "every transport";
            for (Map.Entry<String, List<String>> t : TRANSPORT_JARS.entrySet()) {
                if (t.getValue().stream().anyMatch(name::startsWith)) {
                    owner = t.getKey();
                    perTransport.merge(t.getKey(), size, Long::sum);
                }
            }
            if (owner.equals("every transport")) {
                common += size;
            }
            if (name.startsWith("toast-compute-client-") || name.startsWith("toast-compute-contract-runtime-")) {
                // The client is three jars since the module split: runtime, generated code, contract runtime.
                client += size;
                owner = "the client itself";
            }
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", name, mb(size), owner));
        }
        md.append(String.format(Locale.ROOT, "%n| what | MB |%n|---|---|%n| client jar | %.2f |%n"
                + "| shared by every transport (client jar and contract included) | %.2f |%n", mb(client), mb(common)));
        for (Map.Entry<String, Long> t : perTransport.entrySet()) {
            md.append(String.format(Locale.ROOT, "| total with %s only | %.2f (+%.2f) |%n", t.getKey(),
                    mb(common + t.getValue()), mb(t.getValue())));
        }
        md.append(String.format(Locale.ROOT, "| for comparison: a hand-written baseline (Jackson databind, core, annotations) | %.2f |%n",
                mb(jacksonOnly)));
        md.append(String.format(Locale.ROOT, "| everything on this class path (all four transports; feign-okhttp is optional in the client's pom) | %.2f |%n", mb(all)));
        System.out.println(md);
        Path out = Path.of("benchmarks/target/results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("footprint.md"), md.toString());
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
