package io.toastcloud.compute.benchmarks.contenders;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.contract.ToastTimestamps;
import io.toastcloud.compute.model.FlavorListResponse;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateResponse;
import io.toastcloud.compute.model.InstanceDetailListResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The client, used the way its documentation shows (the appkey is the client's; no call takes it).
 *
 * <p>Two clients on the same transport: {@code steady}, whose clock stands one hour before the
 * canned token's expiry so the token issued on its first call stays fresh; and {@code renewing},
 * whose clock stands at that expiry, so every token it is given is already due and each of its
 * calls issues one first (the token-renewal case). Both are built with the same defaults.
 */
public final class ClientContender implements Contender {
    private final ToastComputeClient steady;
    private final ToastComputeClient renewing;
    private final FlavorApi flavors;
    private final InstanceApi instances;
    private final FlavorApi renewingFlavors;

    /** @param transport the transport, or null for the client's default */
    public ClientContender(String endpoint, Transport transport, String tokenExpires) {
        Instant expires = ToastTimestamps.parse(tokenExpires);
        this.steady = build(endpoint, transport, Clock.fixed(expires.minus(Duration.ofHours(1)), ZoneOffset.UTC));
        this.renewing = build(endpoint, transport, Clock.fixed(expires, ZoneOffset.UTC));
        this.flavors = steady.api(FlavorApi.class);
        this.instances = steady.api(InstanceApi.class);
        this.renewingFlavors = renewing.api(FlavorApi.class);
    }

    private static ToastComputeClient build(String endpoint, Transport transport, Clock clock) {
        ToastComputeClient.Builder b = ToastComputeClient.builder()
                .appkey(CannedResponses.APPKEY)
                .credentials(CannedResponses.USERNAME, CannedResponses.API_PASSWORD)
                .endpoint(endpoint)
                .clock(clock);
        if (transport != null) {
            b.transport(transport);
        }
        return b.build();
    }

    /** How many tokens the renewing client has issued (one per renewal call). */
    public long renewals() {
        return renewing.tokenManager().issueCount();
    }

    /** How many tokens the steady client has issued (one, on its first call). */
    public long steadyIssues() {
        return steady.tokenManager().issueCount();
    }

    @Override
    public FlavorListResponse listFlavors() {
        return flavors.listFlavors();
    }

    @Override
    public InstanceDetailListResponse listInstanceDetails() {
        return instances.listInstanceDetails();
    }

    @Override
    public InstanceCreateResponse createInstance(InstanceCreateRequest request) {
        return instances.createInstance(request);
    }

    @Override
    public FlavorListResponse renewTokenThenListFlavors() {
        return renewingFlavors.listFlavors();
    }

    @Override
    public void close() {
        steady.close();
        renewing.close();
    }
}
