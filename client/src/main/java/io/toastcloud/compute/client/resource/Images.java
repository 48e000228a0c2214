package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.annotation.InternalApi;
import io.toastcloud.compute.api.ImageApi;
import io.toastcloud.compute.client.waiter.ImageWaiters;
import io.toastcloud.compute.model.Image;
import java.util.List;
import java.util.Optional;

/**
 * Images ({@code toast.images()}), over {@link ImageApi}. The API lists images without an id
 * or name filter, so {@link #get} and {@link #findByName} read the whole list (one call). Images
 * are made by {@code toast.instances().uploadImage(...)}.
 */
public final class Images {
    private final ImageApi api;
    private final ImageWaiters waiters;

    @InternalApi
    public Images(ImageApi api, ImageWaiters waiters) {
        this.api = api;
        this.waiters = waiters;
    }

    public Optional<Image> get(ImageId id) {
        return Lookups.one(this::list, Image::getId, id.value());
    }

    /** Every image the account sees (public ones and its own), in creation order. */
    public List<Image> list() {
        return Lookups.orEmpty(api.listImages().getImages());
    }

    /** The image named {@code name}, or empty; refused (IllegalStateException) when several have that name. */
    public Optional<Image> findByName(String name) {
        return Lookups.uniquelyNamed(list(), Image::getName, Image::getId, name, "image");
    }

    public List<Image> findAllByName(String name) {
        return Lookups.named(list(), Image::getName, name);
    }

    /** Deletes one of the account's own images. */
    public void delete(ImageId id) {
        api.deleteImage(id.value());
    }

    /** Waits until the image (for example one {@code uploadImage} is making) is active, and returns it. */
    public Image waitUntilActive(ImageId id) {
        return waiters.untilActive(id.value());
    }
}
