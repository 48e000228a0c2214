package io.toastcloud.compute.benchmarks.contenders;

import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.client.Transport;

/** Every contender the benchmarks know; the JMH parameter {@code contender} takes these names. */
public enum ContenderKind {
    /** HttpURLConnection, body sent with the headers. A baseline. */
    BASELINE_JDK_URL_CONNECTION(true, null),
    /** java.net.http.HttpClient. A baseline. */
    BASELINE_JDK_HTTP_CLIENT(true, null),
    /** HttpURLConnection in fixed-length streaming mode (headers, then body): the probe of the POST penalty; not a baseline. */
    PROBE_JDK_URL_CONNECTION_STREAMING(false, null),
    /** The client as built without choosing a transport. */
    CLIENT_DEFAULT(false, null),
    CLIENT_APACHE_HC5(false, Transport.APACHE_HC5),
    CLIENT_OKHTTP(false, Transport.OKHTTP),
    CLIENT_JDK_URL_CONNECTION(false, Transport.JDK_URL_CONNECTION),
    CLIENT_JDK_HTTP_CLIENT(false, Transport.JDK_HTTP_CLIENT),
    /** A layer of the client alone: Apache HttpClient 5 (as the default transport builds it) by hand, Jackson on the stream. */
    LAYER_HC5(false, null),
    /** A layer of the client alone: the generated Feign interfaces on the default transport, without the client's runtime. */
    LAYER_FEIGN_HC5(false, null);

    private final boolean baseline;
    private final Transport transport;

    ContenderKind(boolean baseline, Transport transport) {
        this.baseline = baseline;
        this.transport = transport;
    }

    /** One of the two hand-written JDK calls the client is measured against. */
    public boolean isBaseline() {
        return baseline;
    }

    public boolean isClient() {
        return name().startsWith("CLIENT_");
    }

    public Contender open(String endpoint, CannedResponses responses) {
        return switch (this) {
            case BASELINE_JDK_URL_CONNECTION -> new UrlConnectionBaseline(endpoint, false);
            case PROBE_JDK_URL_CONNECTION_STREAMING -> new UrlConnectionBaseline(endpoint, true);
            case BASELINE_JDK_HTTP_CLIENT -> new HttpClientBaseline(endpoint);
            case LAYER_HC5 -> new Hc5Layer(endpoint);
            case LAYER_FEIGN_HC5 -> new FeignLayer(endpoint);
            default -> new ClientContender(endpoint, transport, responses.tokenExpires());
        };
    }
}
