package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transport the builder offers carries the same calls the same way. */
class TransportsTest {
    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyTransportIssuesTokenReadsAndWrites(Transport transport) {
        try (StubService stub = new StubService()) {
            stub.issuesToken("token-1");
            stub.server.stubFor(get(urlPathEqualTo(BASE + "/flavors")).willReturn(json(ok(
                    "\"flavors\":[{\"id\":\"f\",\"name\":\"t2.c1m1\",\"vcpus\":1,\"ram\":1024,\"disabled\":false,\"isPublic\":true}]"))));
            stub.server.stubFor(post(urlPathEqualTo(BASE + "/volumes")).willReturn(json(ok(""))));
            stub.server.stubFor(get(urlPathEqualTo(BASE + "/tokens")).willReturn(json(StubService.tokenBody("token-1",
                    stub.clock.instant().plusSeconds(3600)))));
            try (ToastComputeClient client = stub.clientBuilder().transport(transport).build()) {
                assertEquals("t2.c1m1", client.api(FlavorApi.class).listFlavors().getFlavors().get(0).getName());
                client.api(BlockStorageApi.class).createVolume(new VolumeCreateRequest().volume(new VolumeCreateSpec()
                        .name("data").size(20).availabilityZone("kr-pub-a").volumeType("")));
                assertEquals("Member", client.api(TokenApi.class).getToken("token-1").getAccess().getUser().getRoles().get(0).getName());
            }
            stub.server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/flavors")).withHeader("X-Auth-Token", equalTo("token-1")));
            stub.server.verify(1, postRequestedFor(urlPathEqualTo(BASE + "/volumes")).withRequestBody(equalToJson(
                    "{\"volume\":{\"name\":\"data\",\"size\":20,\"availabilityZone\":\"kr-pub-a\",\"volumeType\":\"\"}}")));
            stub.server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/tokens")).withQueryParam("id", equalTo("token-1")));
        }
    }
}
