package io.toastcloud.compute.emulator.state;

/**
 * A floating IP allocated to the appkey. Associated (ACTIVE) when {@code instanceId} is set,
 * with the fixed address and port of the instance's interface; DOWN otherwise.
 */
public final class FloatingIpRecord {
    public String id;
    public String address;
    public String poolId;
    public String instanceId;
    public String fixedIpAddress;
    public String portId;

    public boolean associated() {
        return instanceId != null;
    }
}
