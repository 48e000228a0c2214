package io.toastcloud.compute.client;

/**
 * The HTTP client under Feign. Apache HttpClient 5 is the default because it was the fastest
 * and leanest of the four on every case measured (docs/BENCHMARKS.md, one CPU, loopback): a small
 * GET 1.05x a hand-written HttpURLConnection call against 1.23x (JDK_URL_CONNECTION), 2.4x
 * (OKHTTP) and 11x (JDK_HTTP_CLIENT); a create 0.83x, where Feign's default client waits about
 * 1.2 ms for a TCP acknowledgement between headers and body (40x). At cold start it came
 * second, after JDK_URL_CONNECTION (1.77x and 1.71x the baseline).
 */
public enum Transport {
    /**
     * Apache HttpClient 5, its minimal classic client: pooled keep-alive connections, gzip, no
     * HttpClient-level retries or redirects (see {@code http.Hc5FeignClient}). The default.
     */
    APACHE_HC5,
    /**
     * The JDK's HttpURLConnection (Feign's built-in client): no extra dependency. Every request with
     * a body waits about 1.2 ms: Feign streams the body after the headers. Buffering it instead
     * would avoid that, but then HttpURLConnection silently sends a POST again when reading its
     * answer fails, which a create must never do.
     */
    JDK_URL_CONNECTION,
    /**
     * OkHttp (feign-okhttp). An optional dependency of the client, so that OkHttp, Okio and the
     * Kotlin standard library (2.9 MB) only come to applications that choose it: add
     * {@code io.github.openfeign:feign-okhttp} to use this transport.
     */
    OKHTTP,
    /** The JDK's java.net.http.HttpClient (feign-java11, which the client depends on). */
    JDK_HTTP_CLIENT
}
