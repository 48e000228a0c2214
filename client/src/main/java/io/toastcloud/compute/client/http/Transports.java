package io.toastcloud.compute.client.http;

import io.toastcloud.compute.client.RetryPolicy;

import feign.Client;
import feign.hc5.ApacheHttp5Client;
import io.toastcloud.compute.client.Transport;
import java.io.Closeable;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;

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
     * {@code chosen}, made by {@link #build(Transport, Duration, ProxySelector)} for {@code transport},
     * with the operations that carry a secret query parameter routed through the quiet JDK client
     * (see {@link SecretQueryRouting}). Apart from building, so that the transport can be made
     * before the contract is read.
     */
    public static Built withSecretQueryRouting(Built chosen, Transport transport, Duration connectTimeout,
            io.toastcloud.compute.contract.Contract contract, ProxySelector proxies) {
        if (transport == Transport.JDK_HTTP_CLIENT) {
            return chosen;
        }
        SecretQueryRouting routing = new SecretQueryRouting(chosen.client(), () -> jdkHttpClient(connectTimeout, proxies),
                contract);
        return new Built(routing, () -> {
            try {
                chosen.closer().close();
            } finally {
                routing.close();
            }
        });
    }

    /** A transport on direct connections. */
    public static Built build(Transport transport, Duration connectTimeout) {
        return build(transport, connectTimeout, (ProxySelector) null);
    }

    public static Built build(Transport transport, Duration connectTimeout, ProxySelector proxies) {
        return switch (transport) {
            case APACHE_HC5 -> hc5(connectTimeout, proxies, MAX_CONNECTIONS);
            case JDK_URL_CONNECTION -> new Built(new QuietJdkLoggers(urlConnection(proxies), QuietJdkLoggers.URL_CONNECTION),
                    () -> { });
            case OKHTTP -> okhttp(proxies);
            case JDK_HTTP_CLIENT -> jdkHttpClient(connectTimeout, proxies);
        };
    }

    /**
     * feign-hc5's {@link ApacheHttp5Client} on one configured HttpClient 5: pooled keep-alive
     * connections, gzip (HttpClient's own content compression), no HttpClient-level retries
     * ({@link RetryPolicy} decides, and never for writes), no redirects, no cookies.
     */
    static Built hc5(Duration connectTimeout, ProxySelector proxies, int maxConnections) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setConnectionFactory(new QuietHc5Connections())
                .setTlsSocketStrategy(new LazyTlsStrategy())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .build())
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        if (proxies != null) {
            builder.setRoutePlanner(new SystemDefaultRoutePlanner(proxies));
        }
        var http = builder.build();
        return new Built(new ApacheHttp5Client(http), http);
    }

    /** Feign's HttpURLConnection client, on the chosen proxy (or none) instead of the JVM-wide selector. */
    private static Client urlConnection(ProxySelector proxies) {
        return new Client.Default(null, null) {
            @Override
            public HttpURLConnection getConnection(URL url) throws IOException {
                return (HttpURLConnection) url.openConnection(proxyFor(proxies, url));
            }
        };
    }

    private static Proxy proxyFor(ProxySelector proxies, URL url) throws IOException {
        if (proxies == null) {
            return Proxy.NO_PROXY;
        }
        try {
            List<Proxy> chosen = proxies.select(url.toURI());
            return chosen == null || chosen.isEmpty() ? Proxy.NO_PROXY : chosen.get(0);
        } catch (URISyntaxException e) {
            throw new IOException("not a URI: " + e.getInput(), e);
        }
    }

    private static Built okhttp(ProxySelector proxies) {
        requireOnClasspath("feign.okhttp.OkHttpClient", "io.github.openfeign:feign-okhttp");
        return OkHttpTransport.build(proxies);
    }

    private static Built jdkHttpClient(Duration connectTimeout, ProxySelector proxies) {
        requireOnClasspath("feign.http2client.Http2Client", "io.github.openfeign:feign-java11");
        java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER);
        if (proxies != null) {
            builder.proxy(proxies);
        }
        return new Built(new QuietJdkLoggers(new BodyReadTimeout(new feign.http2client.Http2Client(builder.build())),
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
