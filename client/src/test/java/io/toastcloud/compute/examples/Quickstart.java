package io.toastcloud.compute.examples;

// quickstart:begin
import io.toastcloud.compute.client.Credentials;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.error.ToastServiceException;
import io.toastcloud.compute.client.resource.InstanceId;
import io.toastcloud.compute.model.Flavor;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceRootVolumeSpec;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.SecurityGroupName;
import java.util.List;

public class Quickstart {
    /** Lists flavors, creates an instance and waits until it runs. */
    public static String run(ToastComputeClient toast) {
        for (Flavor flavor : toast.flavors().list()) {
            System.out.println(flavor.getName() + ": " + flavor.getVcpus() + " vCPU, " + flavor.getRam() + " MB");
        }
        InstanceCreateSpec spec = new InstanceCreateSpec()
                .name("web-01")
                .image("5e2c3f1a-9b8d-4c7e-a6f5-4d3c2b1a0f9e")
                .flavor("b1f4c7d2-6e3a-4f8b-9c5d-1a2b3c4d5e6f")
                .networks(List.of(new NetworkReference().id("d1c2b3a4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")))
                .availabilityZone("kr-pub-a")
                .keyName("my-key")
                .volume(new InstanceRootVolumeSpec().size(50))
                .securityGroups(List.of(new SecurityGroupName().name("default")));
        try {
            InstanceId id = InstanceId.of(toast.instances().create(spec));
            InstanceDetail running = toast.instances().waitUntilActive(id);
            System.out.println(running.getName() + " is " + running.getStatus() + " at "
                    + running.getAddresses().get(0).getIpAddress());
            return id.value();
        } catch (ToastServiceException e) {
            System.err.println("refused: " + e.resultCode() + " " + e.resultMessage());
            throw e;
        }
    }

    public static void main(String[] args) {
        try (ToastComputeClient toast = ToastComputeClient.builder()
                .appkeyFromEnvironment()                        // TOAST_COMPUTE_APPKEY
                .credentials(Credentials.fromEnvironment())     // TOAST_COMPUTE_USERNAME, TOAST_COMPUTE_API_PASSWORD
                .build()) {
            run(toast);
        }
    }
}
// quickstart:end
