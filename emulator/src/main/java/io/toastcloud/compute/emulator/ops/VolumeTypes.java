package io.toastcloud.compute.emulator.ops;

import io.toastcloud.compute.emulator.api.ApiFailure;
import java.util.Set;

/**
 * The block storage types the emulator offers: the later revisions' {@code General HDD} and
 * {@code General SSD}. The contract's {@code VolumeType} is not an enum (types may be added), so
 * a type this service does not know is the server's refusal (-4), not a schema violation; the
 * 2017 guide's empty string and {@code null} choose the default, {@code General HDD}.
 */
final class VolumeTypes {
    static final String DEFAULT = "General HDD";
    private static final Set<String> OFFERED = Set.of(DEFAULT, "General SSD");

    private VolumeTypes() {
    }

    /** The type a volume (or root disk) gets for the requested one; {@code field} names it in a refusal. */
    static String of(String requested, String field) {
        if (requested == null || requested.isEmpty()) {
            return DEFAULT;
        }
        if (!OFFERED.contains(requested)) {
            throw ApiFailure.invalidParameters(field + " is not a volume type of this service (General HDD, General SSD)");
        }
        return requested;
    }

    static String of(String requested) {
        return of(requested, "volume.volumeType");
    }
}
