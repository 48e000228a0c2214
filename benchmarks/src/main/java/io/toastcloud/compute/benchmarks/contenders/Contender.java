package io.toastcloud.compute.benchmarks.contenders;

import io.toastcloud.compute.model.FlavorListResponse;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateResponse;
import io.toastcloud.compute.model.InstanceDetailListResponse;

/**
 * One way of calling the service: the client on one of its transports, or a hand-written JDK
 * baseline. Every method makes the same requests and returns the same decoded models, whose
 * envelope header has been checked.
 */
public interface Contender extends AutoCloseable {
    /** {@code GET .../flavors}: the small answer (about 0.4 KB). */
    FlavorListResponse listFlavors();

    /** {@code GET .../instances-detail}: the large answer (500 instances). */
    InstanceDetailListResponse listInstanceDetails();

    /** {@code POST .../instances} with a JSON body. */
    InstanceCreateResponse createInstance(InstanceCreateRequest request);

    /** A call whose token is due: {@code POST .../tokens}, then {@code GET .../flavors} with the new token. */
    FlavorListResponse renewTokenThenListFlavors();

    @Override
    void close();
}
