package io.toastcloud.compute.client.http;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/** The lazily made TLS strategy still does TLS: a peer that answers in plain text fails the handshake. */
class LazyTlsStrategyTest {
    @Test
    void upgradesWithARealTlsHandshake() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (Exception ignored) {
                    // the client side's assertion is what this test checks
                }
            });
            peer.start();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                assertThrows(SSLException.class, () -> new LazyTlsStrategy()
                        .upgrade(socket, "localhost", server.getLocalPort(), null, null).startHandshake());
            }
            peer.join(5000);
        }
    }
}
