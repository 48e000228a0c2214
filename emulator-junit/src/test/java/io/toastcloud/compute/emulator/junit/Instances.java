package io.toastcloud.compute.emulator.junit;

import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceRootVolumeSpec;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.SecurityGroupName;
import java.util.List;

/** An instance as a user's code would create one: the emulator's catalog ids are the contract's examples. */
final class Instances {
    static final String CENTOS = "5e2c3f1a-9b8d-4c7e-a6f5-4d3c2b1a0f9e";
    static final String T2_C1M1 = "b1f4c7d2-6e3a-4f8b-9c5d-1a2b3c4d5e6f";
    static final String DEFAULT_NETWORK = "d1c2b3a4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    static final String PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHFFlsd3A102hJUTX+aPew3FD4tO7FNIMMkmU8Rdaz/n user@laptop";

    private Instances() {
    }

    static void keypair(ToastComputeClient client, String name) {
        client.api(KeypairApi.class).createKeypair(new KeypairCreateRequest().keypair(new KeypairCreateSpec().name(name)
                .publicKey(PUBLIC_KEY)));
    }

    /** Creates key pair {@code k} and an instance; returns its id. */
    static String create(ToastComputeClient client, String name) {
        keypair(client, "k");
        return client.api(InstanceApi.class).createInstance(new InstanceCreateRequest().instance(new InstanceCreateSpec()
                .name(name).image(CENTOS).flavor(T2_C1M1).networks(List.of(new NetworkReference().id(DEFAULT_NETWORK)))
                .availabilityZone("kr-pub-a").keyName("k").volume(new InstanceRootVolumeSpec().size(20))
                .securityGroups(List.of(new SecurityGroupName().name("default"))))).getInstance().getId();
    }
}
