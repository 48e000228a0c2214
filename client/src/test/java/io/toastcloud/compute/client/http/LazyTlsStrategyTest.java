package io.toastcloud.compute.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import feign.Request;
import io.toastcloud.compute.client.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default transport sets TLS up on its first HTTPS connection, and sets it up as HttpClient's
 * default does: a server whose certificate the JDK's trust store does not vouch for is refused.
 */
class LazyTlsStrategyTest {
    private static final Request.Options OPTIONS = new Request.Options(2, TimeUnit.SECONDS, 2, TimeUnit.SECONDS, false);

    private WireMockServer server;
    private Transports.Built transport;

    @BeforeEach
    void start() {
        // WireMock's HTTPS port presents its own self-signed certificate.
        server = new WireMockServer(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        transport = Transports.build(Transport.APACHE_HC5, Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws IOException {
        transport.closer().close();
        server.stop();
    }

    private static Request get(String url) {
        return Request.create(Request.HttpMethod.GET, url, Map.of(), null, StandardCharsets.UTF_8, null);
    }

    @Test
    void plainHttpWorksAndHttpsStillVerifiesTheServerCertificate() throws IOException {
        assertEquals(200, transport.client().execute(get("http://127.0.0.1:" + server.port() + "/plain"), OPTIONS).status());

        IOException refused = assertThrows(IOException.class,
                () -> transport.client().execute(get("https://127.0.0.1:" + server.httpsPort() + "/tls"), OPTIONS));
        boolean tls = false;
        for (Throwable t = refused; t != null; t = t.getCause()) {
            tls |= t instanceof SSLException;
        }
        assertTrue(tls, "refused by the TLS handshake, not for another reason: " + refused);
        assertEquals(0, server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/tls")).count(),
                "nothing was sent to an unverified server");
    }
}
