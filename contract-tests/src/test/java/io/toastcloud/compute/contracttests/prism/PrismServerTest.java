package io.toastcloud.compute.contracttests.prism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the suite gets its Prism: started and stopped leaving nothing behind, or an external one
 * checked; and when there is none, a failure that says why (never a skip).
 */
@ExtendWith(PrismExtension.class)
class PrismServerTest {
    @Test
    void startsServesAndStopsWithItsWholeProcessTree() throws Exception {
        PrismServer server = PrismServer.start(PrismSettings.prismExecutable(), PrismSettings.servedDocument(),
                PrismSettings.workDir(), PrismSettings.startTimeout());
        List<ProcessHandle> started;
        try {
            started = server.handle().descendants().toList();
            assertEquals("127.0.0.1", server.baseUri().getHost(), "loopback only");
            assertEquals(401, get(server.baseUri().resolve("/v1.0/appkeys/k/flavors")).statusCode(),
                    "Prism answers, and asks for X-Auth-Token");
        } finally {
            server.close();
        }
        assertTrue(server.isStopped(), "Prism and every process it started are gone");
        assertFalse(server.handle().isAlive());
        started.forEach(p -> assertFalse(p.isAlive(), "child " + p.pid() + " is gone"));
        assertFalse(PrismServer.accepts(server.baseUri()), "nothing listens on its port any more");
    }

    @Test
    void aMissingPrismFailsWithWhatToDo(@TempDir Path dir) {
        PrismUnavailableException e = assertThrows(PrismUnavailableException.class, () -> PrismServer.start(
                dir.resolve("node_modules/.bin/prism"), PrismSettings.servedDocument(), dir, Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("npm ci"), e.getMessage());
    }

    @Test
    void aPrismThatCannotServeTheDocumentFailsWithItsLog(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "openapi: 3.0.3\npaths: [not, a, map\n");
        PrismUnavailableException e = assertThrows(PrismUnavailableException.class, () -> PrismServer.start(
                PrismSettings.prismExecutable(), broken, dir, Duration.ofSeconds(30)));
        assertTrue(e.getMessage().contains("Prism log"), e.getMessage());
    }

    @Test
    void anExternalPrismIsUsedAsItIs(PrismEndpoint shared) {
        PrismEndpoint external = PrismExtension.connect(Optional.of(shared.baseUri()));
        assertFalse(external.managed(), "the tests do not own an external Prism");
        assertEquals(shared.baseUri(), external.baseUri());
        external.close();
        assertTrue(PrismServer.accepts(shared.baseUri()), "closing does not stop an external Prism");
    }

    @Test
    void anUnreachableExternalPrismFailsNamingTheSetting() throws IOException {
        URI nobody;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        URI url = nobody;
        PrismUnavailableException e = assertThrows(PrismUnavailableException.class,
                () -> PrismExtension.connect(Optional.of(url)));
        assertTrue(e.getMessage().contains("TOAST_PRISM_URL") && e.getMessage().contains("not reachable"), e.getMessage());
    }

    @Test
    void anExternalServerThatIsNotPrismIsRefused() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        other.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + other.getAddress().getPort());
            PrismUnavailableException e = assertThrows(PrismUnavailableException.class,
                    () -> PrismExtension.connect(Optional.of(url)));
            assertTrue(e.getMessage().contains("does not look like a Prism mock"), e.getMessage());
        } finally {
            other.stop(0);
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
