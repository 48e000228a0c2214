package io.toastcloud.compute.emulator.state;

import java.util.LinkedHashMap;
import java.util.Map;

/** A block storage volume, with its attachment (at most one) when attaching, in use or detaching. */
public final class VolumeRecord extends StatefulRecord {
    public String description;
    public int size;
    /** {@code General HDD} or {@code General SSD} (later revisions; the 2017 guide's "" is HDD). */
    public String volumeType;
    public String availabilityZone;
    public Map<String, String> metadata = new LinkedHashMap<>();
    public Attachment attachment;

    /** The volume's attachment to an instance, as device {@code device}. */
    public record Attachment(String instanceId, String device) {
    }
}
