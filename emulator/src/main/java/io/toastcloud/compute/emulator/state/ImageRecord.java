package io.toastcloud.compute.emulator.state;

import java.util.LinkedHashMap;
import java.util.Map;

/** A private image made by {@code uploadImage}. Public images are in the catalog. */
public final class ImageRecord extends StatefulRecord {
    public String diskFormat;
    public int minDisk;
    public int minRam;
    public Map<String, String> properties = new LinkedHashMap<>();
    /** Bytes; 0 until the image is active. */
    public long size;
    /** The size it will have once active. */
    public long sizeWhenActive;
    public String sourceInstanceId;
}
