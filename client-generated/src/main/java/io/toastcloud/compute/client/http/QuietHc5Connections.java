package io.toastcloud.compute.client.http;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * Apache HttpClient 5 connections that never log headers or wire bytes. Stock HC5 connections log
 * every header (the {@code X-Auth-Token} among them) to {@code org.apache.hc.client5.http.headers}
 * and every byte (the API password in a token request) to {@code org.apache.hc.client5.http.wire}
 * as soon as those SLF4J loggers are at DEBUG, which an application's TRACE root level turns on.
 * This client's own redacting logger ({@link RedactingLogger}) is the place to see exchanges.
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

    private static final class QuietConnection extends DefaultManagedHttpClientConnection {
        QuietConnection(String id) {
            super(id);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            // no header logging: headers carry the token
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            // no header logging
        }
    }
}
