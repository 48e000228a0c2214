package io.toastcloud.compute.client.http;

/**
 * {@code Transport.OKHTTP}. In a class of its own so that no other class of the client refers to
 * OkHttp's types: feign-okhttp is an optional dependency, and this class is only loaded when
 * that transport is chosen.
 */
final class OkHttpTransport {
    private static final java.net.ProxySelector NO_PROXY = java.net.ProxySelector.of(null);

    private OkHttpTransport() {
    }

    static Transports.Built build(java.net.ProxySelector proxies) {
        okhttp3.OkHttpClient.Builder builder = new okhttp3.OkHttpClient.Builder().retryOnConnectionFailure(false);
        // OkHttp's default would be the JVM-wide selector: direct unless the application chose a proxy.
        builder.proxySelector(proxies != null ? proxies : NO_PROXY);
        okhttp3.OkHttpClient ok = builder.build();
        return new Transports.Built(new feign.okhttp.OkHttpClient(ok), () -> {
            ok.dispatcher().executorService().shutdown();
            ok.connectionPool().evictAll();
        });
    }
}
