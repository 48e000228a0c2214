package io.toastcloud.compute.benchmarks.contenders;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.codec.Decoder;
import feign.jackson.JacksonEncoder;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.client.http.Transports;
import io.toastcloud.compute.model.FlavorListResponse;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateResponse;
import io.toastcloud.compute.model.InstanceDetailListResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A layer of the client, measured on its own: the generated Feign interfaces on the client's
 * default transport, with nothing of the client's runtime (no contract validation, no token
 * manager, no typed failures): a fixed token header, Jackson on the byte stream, the envelope's
 * {@code isSuccessful} checked. Between this and the client is what the runtime costs.
 */
public final class FeignLayer implements Contender {
    private final Transports.Built transport = Transports.build(Transport.APACHE_HC5, Duration.ofSeconds(10));
    private final FlavorApi flavors;
    private final InstanceApi instances;
    private final TokenApi tokens;
    private final ThreadLocal<String> sendToken = new ThreadLocal<>();
    private final String token;

    public FeignLayer(String endpoint) {
        ObjectMapper mapper = ToastComputeClient.objectMapper();
        Decoder bytes = (response, type) -> {
            try (InputStream in = response.body().asInputStream()) {
                return mapper.readValue(in, mapper.constructType(type));
            }
        };
        Feign.Builder feign = Feign.builder()
                .client(transport.client())
                .encoder(new JacksonEncoder(mapper))
                .decoder(bytes)
                .retryer(Retryer.NEVER_RETRY)
                .options(new Request.Options(10, TimeUnit.SECONDS, 60, TimeUnit.SECONDS, false))
                .requestInterceptor(t -> {
                    String id = sendToken.get();
                    if (id != null) {
                        t.header(Baselines.TOKEN_HEADER, id);
                    }
                });
        // The generated request lines start after the prefix the client binds (spec/DECISIONS.md D44).
        String base = endpoint + "/v1.0/appkeys/" + CannedResponses.APPKEY;
        this.flavors = feign.target(FlavorApi.class, base);
        this.instances = feign.target(InstanceApi.class, base);
        this.tokens = feign.target(TokenApi.class, base);
        this.token = issueToken();
    }

    @Override
    public FlavorListResponse listFlavors() {
        return listFlavors(token);
    }

    @Override
    public InstanceDetailListResponse listInstanceDetails() {
        sendToken.set(token);
        InstanceDetailListResponse r = instances.listInstanceDetails();
        return Baselines.successful(r, r.getHeader(), "listInstanceDetails");
    }

    @Override
    public InstanceCreateResponse createInstance(InstanceCreateRequest request) {
        sendToken.set(token);
        InstanceCreateResponse r = instances.createInstance(request);
        return Baselines.successful(r, r.getHeader(), "createInstance");
    }

    @Override
    public FlavorListResponse renewTokenThenListFlavors() {
        return listFlavors(issueToken());
    }

    @Override
    public void close() {
        try {
            transport.closer().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FlavorListResponse listFlavors(String tokenId) {
        sendToken.set(tokenId);
        FlavorListResponse r = flavors.listFlavors();
        return Baselines.successful(r, r.getHeader(), "listFlavors");
    }

    private String issueToken() {
        sendToken.remove();
        return Baselines.tokenId(tokens.issueToken(
                Baselines.credentials(CannedResponses.USERNAME, CannedResponses.API_PASSWORD)));
    }
}
