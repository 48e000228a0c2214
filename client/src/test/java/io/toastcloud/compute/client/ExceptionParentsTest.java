package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.failure;
import static io.toastcloud.compute.client.StubService.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.client.error.InvalidParametersException;
import io.toastcloud.compute.client.error.InvalidRequestException;
import io.toastcloud.compute.client.error.JsonParsingException;
import io.toastcloud.compute.client.error.RequestValidationException;
import io.toastcloud.compute.client.error.ResourceNotFoundException;
import io.toastcloud.compute.client.error.ServiceUnavailableException;
import io.toastcloud.compute.client.error.ToastConnectionException;
import io.toastcloud.compute.client.error.ToastServiceException;
import io.toastcloud.compute.client.error.TransientException;
import io.toastcloud.compute.client.RetryPolicy;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateSpec;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One catch per meaning: the request was invalid, the resource is not there, try again later. */
class ExceptionParentsTest {
    private StubService stub;
    private ToastComputeClient client;

    @BeforeEach
    void start() {
        stub = new StubService();
        stub.issuesToken("token-1");
        client = stub.clientBuilder().retryPolicy(RetryPolicy.NONE).build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private static VolumeCreateRequest volume(int size) {
        return new VolumeCreateRequest().volume(new VolumeCreateSpec().name("data").size(size)
                .availabilityZone("kr-pub-a").volumeType(""));
    }

    @Test
    void invalidInputFoundByTheClientAndByTheServiceIsCaughtByOneType() {
        InvalidRequestException client1 = assertThrows(InvalidRequestException.class,
                () -> client.api(BlockStorageApi.class).createVolume(volume(-10)));
        assertInstanceOf(RequestValidationException.class, client1);
        assertFalse(client1.wasSent());
        assertEquals("createVolume", client1.operation());
        assertEquals(RequestValidationException.INVALID_PARAMETERS_CODE, client1.resultCode());

        stub.server.stubFor(post(urlPathEqualTo(BASE + "/volumes")).willReturn(json(failure(-4, "Invalid parameters : size"))));
        InvalidRequestException service = assertThrows(InvalidRequestException.class,
                () -> client.api(BlockStorageApi.class).createVolume(volume(10)));
        assertInstanceOf(InvalidParametersException.class, service);
        assertTrue(service.wasSent());
        assertEquals(-4, service.resultCode());
        assertEquals("createVolume", service.operation());

        stub.server.stubFor(post(urlPathEqualTo(BASE + "/volumes")).willReturn(json(failure(-8, "JSON parsing error"))));
        assertInstanceOf(JsonParsingException.class, assertThrows(InvalidRequestException.class,
                () -> client.api(BlockStorageApi.class).createVolume(volume(10))));
    }

    @Test
    void aCatchOfToastServiceExceptionStillCatchesEveryInvalidInput() {
        // Written before InvalidRequestException existed, such a catch must lose nothing.
        assertThrows(ToastServiceException.class, () -> client.api(BlockStorageApi.class).createVolume(volume(-10)));
        stub.server.stubFor(post(urlPathEqualTo(BASE + "/volumes")).willReturn(json(failure(-4, "Invalid parameters : size"))));
        assertThrows(ToastServiceException.class, () -> client.api(BlockStorageApi.class).createVolume(volume(10)));
    }

    @Test
    void theClientsCodeForARefusedRequestIsTheContractsInvalidParametersCode() {
        assertEquals("invalidParameters",
                Contract.bundled().resultCodeClass(RequestValidationException.INVALID_PARAMETERS_CODE).orElseThrow());
    }

    @Test
    void notFoundCarriesTheCodeAndTheOperation() {
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json(failure(11404, "Flavor could not be found."))));
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> client.api(FlavorApi.class).listFlavors());
        assertEquals(11404, e.resultCode());
        assertEquals("listFlavors", e.operation());
    }

    @Test
    void every5xxAndEveryConnectionFaultIsTransient() throws Exception {
        for (int status : new int[] {500, 502, 503, 504}) {
            stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(aResponse().withStatus(status).withBody("down")));
            TransientException e = assertThrows(TransientException.class, () -> client.api(FlavorApi.class).listFlavors());
            assertInstanceOf(ServiceUnavailableException.class, e);
            assertEquals(status, e.httpStatus().orElseThrow());
            assertEquals("listFlavors", e.operation());
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ToastComputeClient refused = ToastComputeClient.builder().appkey(StubService.APPKEY)
                .credentials(StubService.USER, StubService.PASSWORD).endpoint("http://127.0.0.1:" + closedPort)
                .retryPolicy(RetryPolicy.NONE).connectTimeout(Duration.ofSeconds(2)).build()) {
            TransientException e = assertThrows(TransientException.class, () -> refused.api(FlavorApi.class).listFlavors());
            assertInstanceOf(ToastConnectionException.class, e);
            assertTrue(e.httpStatus().isEmpty());
            assertTrue(e.operation() != null, "names the operation");
        }
    }

    @Test
    void aServiceRefusalIsNotTransient() {
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json(failure(-4, "Invalid parameters"))));
        // (A ToastServiceException can never be one: the compiler refuses the instanceof.)
        Object refused = assertThrows(ToastServiceException.class, () -> client.api(FlavorApi.class).listFlavors());
        assertFalse(refused instanceof TransientException);
        stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(aResponse().withStatus(422).withBody("{}")));
        assertFalse(assertThrows(RuntimeException.class, () -> client.api(FlavorApi.class).listFlavors()) instanceof TransientException);
    }
}
