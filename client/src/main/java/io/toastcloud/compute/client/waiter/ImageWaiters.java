package io.toastcloud.compute.client.waiter;

import io.toastcloud.compute.api.ImageApi;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.model.Image;
import io.toastcloud.compute.model.ImageStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Waits for an image (for example one made by {@code uploadImage}) to become active. The image
 * list has no id filter, so each poll lists all images. Fails fast on the failure statuses the
 * contract marks ({@code x-terminal-failure-values} of {@code ImageStatus}: killed, deleted,
 * pending_delete, deactivated).
 */
public final class ImageWaiters {
    private final ImageApi api;
    private final Waiter waiter;
    private final Set<String> failures;

    public ImageWaiters(ImageApi api, Waiter waiter, Contract contract) {
        this.api = api;
        this.waiter = waiter;
        this.failures = contract.terminalFailureValues("ImageStatus");
    }

    public Image untilActive(String imageId) {
        return waiter.until("image " + imageId + " to become active", () -> find(imageId),
                i -> String.valueOf(i.getStatus()), Set.of(ImageStatus.ACTIVE.getValue()), failures);
    }

    private Optional<Image> find(String imageId) {
        List<Image> images = api.listImages().getImages();
        return images == null ? Optional.empty() : images.stream().filter(i -> imageId.equals(i.getId())).findFirst();
    }
}
