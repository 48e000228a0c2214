package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import feign.Client;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.client.error.ToastConnectionException;
import io.toastcloud.compute.client.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proxies, against a local one: the stub service on port 0 stands in for the proxy (it answers a
 * forwarded request, absolute URL and all), and the endpoint's host does not exist, so a call
 * that succeeds went through the proxy.
 */
class ProxyTest {
    /** A host that never resolves (RFC 6761): only a proxy can reach it. */
    private static final String UNREACHABLE = "http://toast-compute.invalid";
    private static final List<String> PROXY_PROPERTIES = List.of("http.proxyHost", "http.proxyPort", "http.nonProxyHosts");

    private StubService proxy;
    private final Map<String, String> savedProperties = new java.util.HashMap<>();

    @BeforeEach
    void start() {
        proxy = new StubService();
        proxy.issuesToken("token-1");
        proxy.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json(ok("\"flavors\":[]"))));
        PROXY_PROPERTIES.forEach(p -> savedProperties.put(p, System.getProperty(p)));
    }

    @AfterEach
    void stop() {
        proxy.close();
        savedProperties.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private ToastComputeClient.Builder unreachable() {
        return proxy.clientBuilder().endpoint(UNREACHABLE).retryPolicy(RetryPolicy.NONE);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyTransportGoesThroughTheGivenProxy(Transport transport) {
        try (ToastComputeClient client = unreachable().transport(transport).proxy("127.0.0.1", proxy.server.port()).build()) {
            assertEquals(0, client.api(FlavorApi.class).listFlavors().getFlavors().size());
        }
        proxy.server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/flavors"))
                .withHeader("Host", equalTo("toast-compute.invalid")).withHeader("X-Auth-Token", equalTo("token-1")));
    }

    @Test
    void withoutAProxyTheSystemPropertiesAreIgnored() {
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(proxy.server.port()));
        try (ToastComputeClient client = unreachable().build()) {
            assertThrows(ToastConnectionException.class, () -> client.api(FlavorApi.class).listFlavors());
        }
        assertEquals(0, proxy.server.getAllServeEvents().size());
    }

    @Test
    void useSystemProxyHonoursTheJdkProperties() {
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(proxy.server.port()));
        System.setProperty("http.nonProxyHosts", "localhost");
        try (ToastComputeClient client = unreachable().useSystemProxy().build()) {
            assertEquals(0, client.api(FlavorApi.class).listFlavors().getFlavors().size());
        }
        proxy.server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/flavors")));
    }

    @Test
    void useSystemProxyHonoursNonProxyHosts() {
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(proxy.server.port()));
        System.setProperty("http.nonProxyHosts", "*.invalid");
        try (ToastComputeClient client = unreachable().useSystemProxy().build()) {
            assertThrows(ToastConnectionException.class, () -> client.api(FlavorApi.class).listFlavors());
        }
        assertEquals(0, proxy.server.getAllServeEvents().size());
    }

    @Test
    void anApplicationsOwnFeignClientCarriesEveryCall() {
        List<String> seen = new ArrayList<>();
        Client own = new Client.Default(null, null);
        Client recording = (request, options) -> {
            seen.add(request.httpMethod() + " " + request.url());
            return own.execute(request, options);
        };
        try (ToastComputeClient client = proxy.clientBuilder().transport(recording).build()) {
            client.api(FlavorApi.class).listFlavors();
        }
        assertEquals(List.of("POST " + proxy.endpoint() + BASE + "/tokens", "GET " + proxy.endpoint() + BASE + "/flavors"), seen);
    }

    @Test
    void aProxyCannotBeCombinedWithAnApplicationsClient() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> proxy.clientBuilder().transport(new Client.Default(null, null)).proxy("127.0.0.1", 3128).build());
        assertEquals(true, e.getMessage().contains("transport(feign.Client)"), e.getMessage());
    }
}
