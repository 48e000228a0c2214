package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import feign.Logger;
import feign.Request;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.client.http.FixedOptions;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.testsupport.Envelopes;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What goes on the wire is unchanged by the per-call savings (docs/BENCHMARKS.md): the methods'
 * constant headers, kept out of Feign's templates, are still sent, once, before what request
 * interceptors add under the same name; bodies are the JSON bytes, and FULL logging still prints
 * them as text.
 */
class RequestShapeTest {
    private StubService stub;

    @BeforeEach
    void start() {
        stub = new StubService();
        stub.issuesToken("tok-shape-1");
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json(Envelopes.flavors())));
        stub.server.stubFor(post(urlPathEqualTo(BASE + "/keypairs")).willReturn(json(ok(
                "\"keypair\":{\"name\":\"k\",\"publicKey\":\"ssh-rsa AAA\",\"fingerprint\":\"f\",\"privateKey\":\"p\"}"))));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void constantHeadersGoOutOnceBeforeTheInterceptorsOwn() {
        try (ToastComputeClient client = stub.clientBuilder()
                .requestInterceptor(t -> t.header("Accept", "application/x-also"))
                .requestInterceptor(t -> t.header("X-Trace", "trace-7"))
                .build()) {
            client.api(FlavorApi.class).listFlavors();
        }
        LoggedRequest sent = stub.server.findAll(getRequestedFor(urlPathEqualTo(BASE + "/flavors"))).get(0);
        assertEquals(List.of("application/json", "application/x-also"), sent.getHeaders().getHeader("Accept").values());
        assertEquals("tok-shape-1", sent.getHeader("X-Auth-Token"));
        assertEquals("trace-7", sent.getHeader("X-Trace"));
        assertEquals(BASE + "/flavors", sent.getUrl());
    }

    @Test
    void aBodyIsSentAsItsJsonBytesAndLoggedAsText() {
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        try (ToastComputeClient client = stub.clientBuilder().logLevel(Logger.Level.FULL).logger(debugInto(logged)).build()) {
            client.api(KeypairApi.class).createKeypair(new KeypairCreateRequest().keypair(new KeypairCreateSpec().name("웹-percall")));
        }
        LoggedRequest sent = stub.server.findAll(postRequestedFor(urlPathEqualTo(BASE + "/keypairs"))).get(0);
        assertEquals(List.of("application/json"), sent.getHeaders().getHeader("Content-Type").values());
        assertEquals(List.of("application/json"), sent.getHeaders().getHeader("Accept").values());
        assertEquals("{\"keypair\":{\"name\":\"웹-percall\"}}", new String(sent.getBody(), StandardCharsets.UTF_8));
        String log = String.join("\n", logged);
        assertTrue(log.contains("{\"keypair\":{\"name\":\"웹-percall\"}}"), log);
        assertFalse(log.contains("Binary data"), log);
    }

    @Test
    void optionsHaveNoPerMethodOverrides() {
        FixedOptions options = new FixedOptions(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertEquals(options, options.getMethodOptions("listFlavors"));
        assertThrows(UnsupportedOperationException.class,
                () -> options.setMethodOptions("listFlavors", new Request.Options()));
    }

    /** An SLF4J logger at DEBUG that keeps every line it is given. */
    private static org.slf4j.Logger debugInto(List<String> lines) {
        return (org.slf4j.Logger) Proxy.newProxyInstance(RequestShapeTest.class.getClassLoader(),
                new Class<?>[] {org.slf4j.Logger.class}, (proxy, method, args) -> {
                    if (method.getName().equals("isDebugEnabled")) {
                        return true;
                    }
                    if (method.getName().equals("debug") && args != null && args.length > 0) {
                        lines.add(String.valueOf(args[0]) + (args.length > 1 ? " " + java.util.Arrays.toString(args) : ""));
                    }
                    if (method.getName().equals("getName")) {
                        return "test";
                    }
                    return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
    }
}
