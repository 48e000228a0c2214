package io.toastcloud.compute.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sun.net.httpserver.HttpServer;
import feign.Request;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HC5 adapter sends what Feign built, byte for byte, and hands the answer back whole. */
class Hc5FeignClientTest {
    private static final Request.Options OPTIONS = new Request.Options(2, TimeUnit.SECONDS, 2, TimeUnit.SECONDS, false);

    private WireMockServer server;
    private CloseableHttpClient http;
    private Hc5FeignClient client;

    @BeforeEach
    void start() {
        // Content-Length on answers (not chunked), so that the body's length can be checked.
        // WireMock's own gzip is off: the gzip test serves bytes compressed by the test itself.
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER).gzipDisabled(true));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Multi", "a", "b").withBody("{\"ok\":true}")));
        // As Transports builds it (HttpClient's minimal client), with one pooled connection: a response
        // that does not give its connection back makes the next call wait (see the @Timeout below).
        http = HttpClients.createMinimal(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(1).setMaxConnPerRoute(1).build());
        client = new Hc5FeignClient(http);
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        server.stop();
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.port() + pathAndQuery;
    }

    private static Request request(Request.HttpMethod method, String url, Map<String, Collection<String>> headers, byte[] body) {
        return Request.create(method, url, headers, body, StandardCharsets.UTF_8, null);
    }

    private static String read(Response response) throws IOException {
        try (InputStream in = response.body().asInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            response.close();
        }
    }

    @Test
    void getSendsPathQueryAndHeadersAsFeignEncodedThemAndNoBody() throws IOException {
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("X-Auth-Token", List.of("token-1"));
        Response response = client.execute(request(Request.HttpMethod.GET,
                url("/v1.0/appkeys/k/instances?id=a%20b&name=x%2By"), headers, null), OPTIONS);

        assertEquals("{\"ok\":true}", read(response));
        LoggedRequest sent = server.findAll(anyRequestedFor(anyUrl())).get(0);
        assertEquals("/v1.0/appkeys/k/instances?id=a%20b&name=x%2By", sent.getUrl());
        assertEquals("GET", sent.getMethod().getName());
        assertEquals("application/json", sent.getHeader("Accept"));
        assertEquals("token-1", sent.getHeader("X-Auth-Token"));
        server.verify(anyRequestedFor(anyUrl()).withHeader("Content-Length", absent()).withHeader("Transfer-Encoding", absent()));
    }

    @Test
    void postSendsTheBodyBytesWithOneContentTypeAndItsLength() throws IOException {
        byte[] body = "{\"instance\":{\"name\":\"웹-01\"}}".getBytes(StandardCharsets.UTF_8);
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Content-Length", List.of(String.valueOf(body.length)));
        read(client.execute(request(Request.HttpMethod.POST, url("/v1.0/appkeys/k/instances"), headers, body), OPTIONS));

        server.verify(anyRequestedFor(urlEqualTo("/v1.0/appkeys/k/instances"))
                .withRequestBody(binaryEqualTo(body))
                .withHeader("Content-Length", equalTo(String.valueOf(body.length)))
                .withHeader("Accept", equalTo("*/*")));
        assertEquals(List.of("application/json"), server.findAll(anyRequestedFor(anyUrl())).get(0).getHeaders()
                .getHeader("Content-Type").values());
    }

    @Test
    void postWithoutABodySendsAnEmptyOne() throws IOException {
        read(client.execute(request(Request.HttpMethod.POST, url("/x"), Map.of(), null), OPTIONS));
        server.verify(anyRequestedFor(urlEqualTo("/x")).withHeader("Content-Length", equalTo("0")));
    }

    @Test
    void urlWithoutPathAsksForTheRoot() throws IOException {
        read(client.execute(request(Request.HttpMethod.GET, url(""), Map.of(), null), OPTIONS));
        assertEquals("/", server.findAll(anyRequestedFor(anyUrl())).get(0).getUrl());
    }

    @Test
    void answerKeepsStatusReasonEveryHeaderValueAndBody() throws IOException {
        server.stubFor(any(urlEqualTo("/down")).willReturn(aResponse().withStatus(503).withStatusMessage("Service Unavailable")
                .withHeader("Retry-After", "7").withBody("<html>busy</html>")));
        Response ok = client.execute(request(Request.HttpMethod.GET, url("/fine"), Map.of(), null), OPTIONS);
        assertEquals(200, ok.status());
        assertEquals(List.of("a", "b"), List.copyOf(ok.headers().get("x-multi")));
        assertEquals(11, ok.body().length());
        read(ok);

        Response down = client.execute(request(Request.HttpMethod.GET, url("/down"), Map.of(), null), OPTIONS);
        assertEquals(503, down.status());
        assertEquals("Service Unavailable", down.reason());
        assertEquals(List.of("7"), List.copyOf(down.headers().get("Retry-After")));
        assertEquals(Request.ProtocolVersion.HTTP_1_1, down.protocolVersion());
        assertEquals("<html>busy</html>", read(down));
    }

    @Test
    @Timeout(20)
    void closingAnUnreadBodyGivesTheConnectionBack() throws IOException {
        for (int i = 0; i < 5; i++) {
            // Not read at all, only closed: with one pooled connection the next call would wait and fail otherwise.
            client.execute(request(Request.HttpMethod.GET, url("/n" + i), Map.of(), null), OPTIONS).close();
        }
        Response last = client.execute(request(Request.HttpMethod.GET, url("/last"), Map.of(), null), OPTIONS);
        assertEquals("{\"ok\":true}", read(last));
    }

    @Test
    void aDifferentEndpointIsNotSentToTheCachedOne() throws IOException {
        read(client.execute(request(Request.HttpMethod.GET, url("/a"), Map.of(), null), OPTIONS));
        WireMockServer other = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        other.start();
        try {
            other.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
            Response r = client.execute(request(Request.HttpMethod.GET, "http://127.0.0.1:" + other.port() + "/b",
                    Map.of(), null), OPTIONS);
            assertEquals(204, r.status());
            assertNull(r.body());
            assertEquals(1, other.findAll(anyRequestedFor(urlEqualTo("/b"))).size());
        } finally {
            other.stop();
        }
    }

    @Test
    void aUrlWithoutSchemeIsRefused() {
        assertThrows(IOException.class, () -> client.execute(request(Request.HttpMethod.GET, "127.0.0.1/x", Map.of(), null),
                OPTIONS));
    }

    @Test
    void bodyBytesArriveUnchanged() throws IOException {
        byte[] binary = {0, (byte) 0xff, (byte) 0xc3, 0x28, 10};
        read(client.execute(request(Request.HttpMethod.PUT, url("/bin"), Map.of(), binary), OPTIONS));
        assertArrayEquals(binary, server.findAll(anyRequestedFor(urlEqualTo("/bin"))).get(0).getBody());
    }

    @Test
    void asksForGzipAndHandsOnTheBodyDecompressed() throws IOException {
        String json = "{\"instances\":[" + "{\"id\":\"c8a1d6e4\",\"name\":\"web-01\"},".repeat(200) + "{}]}";
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
            gz.write(json.getBytes(StandardCharsets.UTF_8));
        }
        byte[] gzipBody = compressed.toByteArray();
        // The JDK's own server: it sends these bytes exactly as given (WireMock re-encodes bodies).
        HttpServer gzipServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> acceptEncoding = new ArrayList<>();
        gzipServer.createContext("/gz", exchange -> {
            acceptEncoding.addAll(exchange.getRequestHeaders().getOrDefault("Accept-Encoding", List.of()));
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, gzipBody.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(gzipBody);
            }
        });
        gzipServer.start();
        Response response;
        try {
            response = client.execute(request(Request.HttpMethod.GET,
                    "http://127.0.0.1:" + gzipServer.getAddress().getPort() + "/gz", Map.of(), null), OPTIONS);
            assertEquals(json, read(response));
        } finally {
            gzipServer.stop(0);
        }

        assertEquals(List.of("gzip"), acceptEncoding);
        assertNull(response.headers().get("Content-Encoding"), "describes the compressed bytes only");
        assertNull(response.headers().get("Content-Length"), "describes the compressed bytes only");
    }

    @Test
    void aCallersOwnAcceptEncodingIsLeftAlone() throws IOException {
        read(client.execute(request(Request.HttpMethod.GET, url("/id"),
                Map.of("Accept-Encoding", List.of("identity")), null), OPTIONS));
        assertEquals(List.of("identity"), server.findAll(anyRequestedFor(urlEqualTo("/id"))).get(0).getHeaders()
                .getHeader("Accept-Encoding").values());
    }
}
