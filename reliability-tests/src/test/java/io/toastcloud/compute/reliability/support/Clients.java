package io.toastcloud.compute.reliability.support;

import io.toastcloud.compute.reliability.support.Secrets;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.client.waiter.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

/** Builders of clients pointed at a local stub. */
public final class Clients {
    public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1000);
    /** Long enough that a busy CI machine never turns a normal answer into a timeout. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    /** For the cases about timeouts, so that waiting them out stays quick. */
    public static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(500);

    private Clients() {
    }

    public static ToastComputeClient.Builder builder(String endpoint, Transport transport, Clock clock, Sleeper sleeper) {
        return ToastComputeClient.builder()
                .appkey(Secrets.APPKEY)
                .credentials(Secrets.USER, Secrets.PASSWORD)
                .endpoint(endpoint)
                .transport(transport)
                .clock(clock)
                .sleeper(sleeper)
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT);
    }

    /** A loopback endpoint nothing listens on: the port was free a moment ago and is closed again. */
    public static String refusingEndpoint() {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
