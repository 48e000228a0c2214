package io.toastcloud.compute.benchmarks.coldstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.benchmarks.server.CannedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every program {@code ColdStart} starts in a fresh JVM, run once here in this one: each must
 * issue its token, list the two canned flavors and say so, or a cold start would time a failure.
 */
class ColdStartProgramsTest {
    private static CannedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = CannedServer.start(CannedResponses.fromBundledContract());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private interface Program {
        void run() throws Exception;
    }

    private static String printed(Program program) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void theBaselines() throws Exception {
        assertEquals("flavors=2", printed(() -> BaselineUrlConnectionMain.main(new String[] {server.endpoint()})));
        assertEquals("flavors=2", printed(() -> BaselineHttpClientMain.main(new String[] {server.endpoint()})));
    }

    @Test
    void theLayers() throws Exception {
        long issued = server.requests("issueToken");
        assertEquals("flavors=2", printed(() -> LayerMain.main(new String[] {server.endpoint(), "LAYER_HC5"})));
        assertEquals("flavors=2", printed(() -> LayerMain.main(new String[] {server.endpoint(), "LAYER_FEIGN_HC5"})));
        assertEquals(issued + 2, server.requests("issueToken"), "each layer issued its token");
    }

    @Test
    void theClientOnEveryTransport() throws Exception {
        for (String transport : new String[] {"DEFAULT", "APACHE_HC5", "OKHTTP", "JDK_URL_CONNECTION", "JDK_HTTP_CLIENT"}) {
            assertEquals("flavors=2", printed(() -> ClientMain.main(new String[] {server.endpoint(), transport})), transport);
        }
    }
}
