package io.toastcloud.compute.client.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Identifiable;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 connections that never log headers or wire bytes. Stock HC5 connections log
 * every header (the {@code X-Auth-Token} among them) to {@code org.apache.hc.client5.http.headers}
 * and every byte (the API password in a token request) to {@code org.apache.hc.client5.http.wire}
 * as soon as those SLF4J loggers are at DEBUG, which an application's TRACE root level turns on.
 * This client's own redacting logger ({@link RedactingLogger}) is the place to see exchanges.
 *
 * <p>Built on httpcore5's public {@link DefaultBHttpClientConnection}, not on httpclient5's
 * {@code DefaultManagedHttpClientConnection}: that class is package-private and final before
 * httpclient5 5.6, so extending it breaks every call (IncompatibleClassChangeError) in an
 * application that brings an older httpclient5 (as WireMock 3.13 or Spring Boot 3.5 do).
 */
final class QuietHc5Connections implements HttpConnectionFactory<ManagedHttpClientConnection> {
    private static final AtomicLong COUNTER = new AtomicLong();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection("toast-" + COUNTER.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** A plain HTTP/1.1 connection with what the pool needs: an id, idle (passive) timeouts, close once. */
    private static final class QuietConnection extends DefaultBHttpClientConnection
            implements ManagedHttpClientConnection, Identifiable {
        private final String id;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Timeout socketTimeout;

        QuietConnection(String id) {
            super(Http1Config.DEFAULT);
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bindHolder(new SocketHolder(socket));
        }

        /** Called by httpclient5 5.5 and later for TLS connections; a plain method before that. */
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bindHolder(new SocketHolder(sslSocket, socket));
        }

        private void bindHolder(SocketHolder holder) throws IOException {
            if (closed.get()) {
                holder.getSocket().close();
                throw new InterruptedIOException("connection already shut down");
            }
            super.bind(holder);
            socketTimeout = Timeout.ofMilliseconds(holder.getSocket().getSoTimeout());
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder == null ? null : holder.getSocket();
        }

        @Override
        public SSLSession getSSLSession() {
            return getSocket() instanceof SSLSocket ssl ? ssl.getSession() : null;
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            super.setSocketTimeout(timeout);
            socketTimeout = timeout;
        }

        /** An idle connection in the pool waits without a read timeout... */
        @Override
        public void passivate() {
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        /** ...and gets its timeout back when it is leased again. */
        @Override
        public void activate() {
            super.setSocketTimeout(socketTimeout);
        }

        @Override
        public void close() throws IOException {
            if (closed.compareAndSet(false, true)) {
                super.close();
            }
        }

        @Override
        public void close(CloseMode mode) {
            if (closed.compareAndSet(false, true)) {
                super.close(mode);
            }
        }
    }
}
