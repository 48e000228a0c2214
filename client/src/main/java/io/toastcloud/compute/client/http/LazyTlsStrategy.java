package io.toastcloud.compute.client.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient's default TLS set-up ({@link DefaultClientTlsStrategy#createDefault()}: the JDK's
 * default SSL context and trust store, host names verified), made on the first TLS connection
 * instead of when the client is built. Building it loads the JSSE provider and reads the trust
 * store, a large share of the client's start-up (docs/BENCHMARKS.md), which a client talking
 * plain HTTP (a local emulator, a test) never needs and an HTTPS client pays once either way.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {
    private volatile TlsSocketStrategy delegate;

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return delegate().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy delegate() {
        TlsSocketStrategy d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    delegate = d = DefaultClientTlsStrategy.createDefault();
                }
            }
        }
        return d;
    }
}
