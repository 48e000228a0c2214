package io.toastcloud.compute.emulator.ops;

import io.toastcloud.compute.emulator.api.ApiFailure;
import io.toastcloud.compute.model.Image;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of the image list, as the contract's {@code limit} and {@code marker} say
 * (DECISIONS.md D45): the images after the marker image (exclusive, as the OpenStack image API
 * the service fronts pages), at most {@code limit} of them. An unknown marker is {@code 30404}.
 * The values were validated against the contract before this runs.
 */
final class ImagePages {
    private ImagePages() {
    }

    static List<Image> page(List<Image> all, String marker, String limit) {
        int from = 0;
        if (marker != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (marker.equals(all.get(i).getId())) {
                    from = i + 1;
                    break;
                }
            }
            if (from < 0) {
                throw ApiFailure.example("ImageNotFound");
            }
        }
        int to = limit == null ? all.size() : (int) Math.min(all.size(), (long) from + Long.parseLong(limit));
        return new ArrayList<>(all.subList(from, to));
    }
}
