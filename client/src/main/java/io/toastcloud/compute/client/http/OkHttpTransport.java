package io.toastcloud.compute.client.http;

/**
 * {@code Transport.OKHTTP}. In a class of its own so that no other class of the client refers to
 * OkHttp's types: feign-okhttp is an optional dependency, and this class is only loaded when
 * that transport is chosen.
 */
final class OkHttpTransport {
    private OkHttpTransport() {
    }

    static Transports.Built build() {
        okhttp3.OkHttpClient ok = new okhttp3.OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        return new Transports.Built(new feign.okhttp.OkHttpClient(ok), () -> {
            ok.dispatcher().executorService().shutdown();
            ok.connectionPool().evictAll();
        });
    }
}
