package io.toastcloud.compute.client.http;

import io.toastcloud.compute.client.RetryPolicy;

import feign.Client;
import io.toastcloud.compute.client.Transport;
import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Builds the {@link feign.Client} for a {@link Transport}, and whatever must be closed with it. */
public final class Transports {
    /** Connections kept per host: enough for 32 threads sharing one client without queueing. */
    static final int MAX_CONNECTIONS = 64;

    private Transports() {
    }

    /** A transport's Feign client, and how to release its connections. */
    public record Built(Client client, Closeable closer) {
    }

    /**
     * The transport's client, with operations that carry a secret query parameter routed through
     * the quiet JDK client (see {@link SecretQueryRouting}).
     */
    public static Built build(Transport transport, Duration connectTimeout, io.toastcloud.compute.contract.Contract contract) {
        Built chosen = build(transport, connectTimeout);
        if (transport == Transport.JDK_HTTP_CLIENT) {
            return chosen;
        }
        SecretQueryRouting routing = new SecretQueryRouting(chosen.client(), () -> jdkHttpClient(connectTimeout), contract);
        return new Built(routing, () -> {
            try {
                chosen.closer().close();
            } finally {
                routing.close();
            }
        });
    }

    public static Built build(Transport transport, Duration connectTimeout) {
        return switch (transport) {
            case APACHE_HC5 -> hc5(connectTimeout);
            case JDK_URL_CONNECTION -> new Built(new QuietJdkLoggers(new Client.Default(null, null),
                    QuietJdkLoggers.URL_CONNECTION), () -> { });
            case OKHTTP -> okhttp();
            case JDK_HTTP_CLIENT -> jdkHttpClient(connectTimeout);
        };
    }

    private static Built hc5(Duration connectTimeout) {
        var connections = org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setConnectionFactory(new QuietHc5Connections())
                // The same TLS set-up as HttpClient's default, made on the first HTTPS connection.
                .setTlsSocketStrategy(new LazyTlsStrategy())
                .setDefaultConnectionConfig(org.apache.hc.client5.http.config.ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .build())
                .build();
        // HttpClient's minimal classic client: pooled keep-alive connections and nothing else. The
        // full client runs every call through redirect, content-compression, protocol (URI and
        // auth bookkeeping) and retry steps, none of which this client uses: it never follows
        // redirects, never lets HttpClient retry (RetryPolicy decides, and never for writes), has
        // no cookies, proxies or HTTP authentication, and asks for gzip itself (Hc5FeignClient).
        var http = org.apache.hc.client5.http.impl.classic.HttpClients.createMinimal(connections);
        // Not feign-hc5's ApacheHttp5Client: see Hc5FeignClient for what it spends per call.
        return new Built(new Hc5FeignClient(http), http);
    }

    private static Built okhttp() {
        requireOnClasspath("feign.okhttp.OkHttpClient", "io.github.openfeign:feign-okhttp");
        return OkHttpTransport.build();
    }

    private static Built jdkHttpClient(Duration connectTimeout) {
        requireOnClasspath("feign.http2client.Http2Client", "io.github.openfeign:feign-java11");
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        return new Built(new QuietJdkLoggers(new BodyReadTimeout(new feign.http2client.Http2Client(http)),
                QuietJdkLoggers.HTTP_CLIENT), () -> { });
    }

    private static void requireOnClasspath(String type, String artifact) {
        try {
            Class.forName(type, false, Transports.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("this transport needs " + artifact + " on the classpath", e);
        }
    }
}
