package io.toastcloud.compute.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import feign.Client;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.contract.Contract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Operations with a secret query parameter ({@code getToken}) go through the quiet client, which
 * is built on the first of them, once, and closed with the routing; every other operation goes
 * through the chosen transport and never causes the quiet client to be built.
 */
class SecretQueryRoutingTest {
    private static final Request.Options OPTIONS = new Request.Options(1, TimeUnit.SECONDS, 1, TimeUnit.SECONDS, false);

    private final List<String> sentByTransport = new ArrayList<>();
    private final List<String> sentQuietly = new ArrayList<>();
    private final AtomicInteger quietBuilt = new AtomicInteger();
    private final AtomicInteger quietClosed = new AtomicInteger();

    private final SecretQueryRouting routing = new SecretQueryRouting(recording(sentByTransport), () -> {
        quietBuilt.incrementAndGet();
        return new Transports.Built(recording(sentQuietly), quietClosed::incrementAndGet);
    }, Contract.bundled());

    private static Client recording(List<String> sent) {
        return (request, options) -> {
            sent.add(Operations.of(request));
            return Response.builder().status(200).request(request).body("{}", StandardCharsets.UTF_8).build();
        };
    }

    private static Request request(Class<?> api, String method) {
        MethodMetadata metadata = new feign.Contract.Default().parseAndValidateMetadata(api).stream()
                .filter(m -> m.method().getName().equals(method))
                .findFirst().orElseThrow();
        RequestTemplate template = new RequestTemplate();
        template.methodMetadata(metadata);
        template.method(Request.HttpMethod.GET);
        template.target("http://127.0.0.1:1");
        template.uri("/v1.0/x");
        return template.resolve(Map.of()).request();
    }

    @Test
    void otherOperationsGoThroughTheTransportAndNeverBuildTheQuietClient() throws IOException {
        routing.execute(request(FlavorApi.class, "listFlavors"), OPTIONS);
        routing.execute(request(TokenApi.class, "issueToken"), OPTIONS);

        assertEquals(List.of("listFlavors", "issueToken"), sentByTransport);
        assertEquals(0, quietBuilt.get());
        routing.close();
        assertEquals(0, quietClosed.get(), "nothing to close when the quiet client was never built");
    }

    @Test
    void secretQueryOperationsBuildTheQuietClientOnceAndItIsClosedWithTheRouting() throws IOException {
        routing.execute(request(TokenApi.class, "getToken"), OPTIONS);
        routing.execute(request(TokenApi.class, "getToken"), OPTIONS);

        assertEquals(List.of("getToken", "getToken"), sentQuietly);
        assertEquals(List.of(), sentByTransport);
        assertEquals(1, quietBuilt.get());

        routing.close();
        assertEquals(1, quietClosed.get());
        IOException closed = assertThrows(IOException.class,
                () -> routing.execute(request(TokenApi.class, "getToken"), OPTIONS));
        assertEquals("the client is closed", closed.getMessage());
        assertEquals(1, quietBuilt.get(), "a closed routing builds no new quiet client");
    }
}
