package io.toastcloud.compute.client.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient 5's default TLS strategy ({@link DefaultClientTlsStrategy#createDefault()}, the
 * same one its connection manager would make), made when the first {@code https} connection
 * needs it instead of when the client is built. Made eagerly it initialises the JDK's
 * {@code SSLContext} and security providers (about 600 classes, issue 17) in every start,
 * also of a client whose endpoint is plain {@code http} or that never calls.
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
