package io.toastcloud.compute.emulator.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An instance. Attached volumes and associated floating IPs are not stored here: the volume and
 * the floating IP record the instance, and the instance's view is computed from them, so the
 * two sides cannot disagree.
 */
public final class InstanceRecord extends StatefulRecord {
    public String flavorId;
    public String imageId;
    public String availabilityZone;
    public String keyName;
    public int rootSize;
    public List<Nic> nics = new ArrayList<>();
    /** Applied security groups, by id (shown by name, as the guide refers to them). */
    public List<String> securityGroupIds = new ArrayList<>();
    public Map<String, String> metadata = new LinkedHashMap<>();
    public Long launchedAt;
    /** The flavor a resize in progress changes to. */
    public String resizeTo;
    /** The status a resize returns to. */
    public String resizeReturnsTo;

    /** A network interface: its port, MAC and fixed address on one network. */
    public record Nic(String networkId, String portId, String macAddress, String ipAddress) {
    }
}
