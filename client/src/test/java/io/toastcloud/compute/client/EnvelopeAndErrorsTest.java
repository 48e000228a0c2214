package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.failure;
import static io.toastcloud.compute.client.StubService.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.client.error.ConflictException;
import io.toastcloud.compute.client.error.HttpStatusException;
import io.toastcloud.compute.client.error.InvalidParametersException;
import io.toastcloud.compute.client.error.JsonParsingException;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.client.error.NoAccessibleNetworkException;
import io.toastcloud.compute.client.error.NoAvailableIpException;
import io.toastcloud.compute.client.error.NotSupportedException;
import io.toastcloud.compute.client.error.PermissionDeniedException;
import io.toastcloud.compute.client.error.RequestFailedException;
import io.toastcloud.compute.client.error.ResourceNotFoundException;
import io.toastcloud.compute.client.error.ServerSideException;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.client.error.ToastServiceException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every answer's envelope is checked; failures become typed exceptions carrying code, message and operation. */
class EnvelopeAndErrorsTest {
    private StubService stub;
    private ToastComputeClient client;

    @BeforeEach
    void start() {
        stub = new StubService();
        stub.issuesToken("token-1");
        client = stub.clientBuilder().retryPolicy(io.toastcloud.compute.client.RetryPolicy.NONE).build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    static Stream<Arguments> resultCodes() {
        return Stream.of(
                Arguments.of(-1, "FAIL : cannot do it now", RequestFailedException.class),
                Arguments.of(-2, "UNKNOWN EXCEPTION", ServerSideException.class),
                Arguments.of(-3, "Permission denied : no", PermissionDeniedException.class),
                Arguments.of(-4, "Invalid parameters : bad", InvalidParametersException.class),
                Arguments.of(-5, "Nonexistent : gone", ResourceNotFoundException.class),
                Arguments.of(-6, "Failed to query internal db", ServerSideException.class),
                Arguments.of(-7, "Not supported", NotSupportedException.class),
                Arguments.of(-8, "JSON parsing error", JsonParsingException.class),
                Arguments.of(10404, "Instance could not be found.", ResourceNotFoundException.class),
                Arguments.of(10409, "Cannot start", ConflictException.class),
                Arguments.of(11404, "Flavor could not be found.", ResourceNotFoundException.class),
                Arguments.of(24403, "Forbidden", PermissionDeniedException.class),
                Arguments.of(40400, "Invalid volume", InvalidParametersException.class),
                Arguments.of(30404, "Image could not be found.", ResourceNotFoundException.class),
                Arguments.of(20001, "No available IP", NoAvailableIpException.class),
                Arguments.of(20004, "No accessible network", NoAccessibleNetworkException.class),
                Arguments.of(99999, "Something new", ToastServiceException.class));
    }

    @ParameterizedTest(name = "resultCode {0} -> {2}")
    @MethodSource("resultCodes")
    void failedHeaderBecomesTypedException(int code, String message, Class<? extends ToastServiceException> type) {
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json(failure(code, message))));
        ToastServiceException e = assertThrows(ToastServiceException.class, () -> client.api(FlavorApi.class).listFlavors());
        assertEquals(type, e.getClass());
        assertEquals(code, e.resultCode());
        assertEquals(message, e.resultMessage());
        assertEquals("listFlavors", e.operation());
        assertTrue(e.getMessage().startsWith("listFlavors: resultCode " + code), e.getMessage());
    }

    @Test
    void non200IsHttpStatusExceptionWithExcerpt() {
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"Invalid request\"}")));
        HttpStatusException e = assertThrows(HttpStatusException.class, () -> client.api(FlavorApi.class).listFlavors());
        assertEquals(422, e.status());
        assertTrue(e.bodyExcerpt().contains("Invalid request"));
        assertEquals("listFlavors", e.operation());
    }

    @Test
    void gatewayPageIsServiceUnavailableWithRetryAfter() {
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "7").withBody("<html><body>Service Temporarily Unavailable</body></html>")));
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, () -> client.api(FlavorApi.class).listFlavors());
        assertEquals(503, e.status());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    }

    @Test
    void malformedJsonIsMalformedResponse() {
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json("{\"header\": {\"isSuccessful\": tru")));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> client.api(FlavorApi.class).listFlavors());
        assertEquals("listFlavors", e.operation());
    }

    @Test
    void emptyBodyIsMalformedResponse() {
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json("")));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> client.api(FlavorApi.class).listFlavors());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void bodyWithoutHeaderIsMalformedResponse() {
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json("{\"flavors\":[]}")));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> client.api(FlavorApi.class).listFlavors());
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void unknownFieldsAndStatusesAreReadTolerantly() {
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/instances")).willReturn(json(StubService.ok(
                "\"instances\":[{\"id\":\"i1\",\"name\":\"web\",\"status\":\"SHELVED\",\"newField\":{\"x\":1}}],\"extra\":true"))));
        var instances = client.api(InstanceApi.class).listInstances().getInstances();
        assertEquals("i1", instances.get(0).getId());
        assertInstanceOf(io.toastcloud.compute.model.InstanceStatus.class, instances.get(0).getStatus());
    }
}
