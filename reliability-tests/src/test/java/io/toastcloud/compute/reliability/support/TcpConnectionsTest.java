package io.toastcloud.compute.reliability.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

class TcpConnectionsTest {

    @Test
    void theNetstatFallbackReadsMacOsAndWindowsOutput() {
        String macos = """
                Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)
                tcp4       0      0  127.0.0.1.50123        127.0.0.1.8787         ESTABLISHED
                tcp4       0      0  127.0.0.1.8787         127.0.0.1.50123        ESTABLISHED
                tcp4       0      0  127.0.0.1.50124        127.0.0.1.8787         TIME_WAIT
                tcp6       0      0  ::1.50125              ::1.8787               ESTABLISHED
                """;
        String windows = """
                  Proto  Local Address          Foreign Address        State
                  TCP    127.0.0.1:50123        127.0.0.1:8787         ESTABLISHED
                  TCP    127.0.0.1:8787         127.0.0.1:50123        ESTABLISHED
                  TCP    127.0.0.1:50126        127.0.0.1:18787        ESTABLISHED
                """;
        assertEquals(2, TcpConnections.countNetstatEstablished(macos, 8787));
        assertEquals(1, TcpConnections.countNetstatEstablished(windows, 8787));
    }

    @Test
    void countsAnOpenLoopbackConnection() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            assertEquals(1, TcpConnections.establishedTo(server.getLocalPort()));
        }
    }
}
