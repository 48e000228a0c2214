package io.toastcloud.compute.client;

/**
 * The HTTP client under Feign. Apache HttpClient 5 is the default: on loopback it was the best
 * or tied-best on small and large GETs and on POSTs, and the steadiest (docs/BENCHMARKS.md);
 * Feign's default client pays about 1.2 ms on every request with a body because it writes
 * headers and body separately.
 */
public enum Transport {
    /** Apache HttpClient 5 (feign-hc5), pooled. The default. */
    APACHE_HC5,
    /** The JDK's HttpURLConnection (Feign's built-in client): no extra dependency. */
    JDK_URL_CONNECTION,
    /** OkHttp (feign-okhttp). */
    OKHTTP,
    /** The JDK's java.net.http.HttpClient (feign-java11). Needs io.github.openfeign:feign-java11 on the classpath. */
    JDK_HTTP_CLIENT
}
