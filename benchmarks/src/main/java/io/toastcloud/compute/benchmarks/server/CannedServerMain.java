package io.toastcloud.compute.benchmarks.server;

import java.io.IOException;

/**
 * Runs the {@link CannedServer} in a process of its own: prints {@code listening <endpoint>}
 * and serves until its standard input closes (the parent exiting closes it too).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.toastcloud.compute.benchmarks.server.CannedServerMain [port]</pre>
 */
public final class CannedServerMain {
    private CannedServerMain() {
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        try (CannedServer server = CannedServer.start(CannedResponses.fromBundledContract(), port)) {
            System.out.println("listening " + server.endpoint());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until stdin closes
            }
        }
    }
}
