package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.model.CreatedImage;
import io.toastcloud.compute.model.Image;

/**
 * The id of an image.
 * A type of its own, so that ids of different resources cannot be swapped in a call (the
 * compiler refuses {@code attach(instance, volume)}). What a valid value is stays the
 * contract's rule, checked when the call is made; here only null or blank is refused.
 */
public record ImageId(String value) {
    public ImageId {
        value = Ids.present(value, "imageId");
    }

    public static ImageId of(String value) {
        return new ImageId(value);
    }

    public static ImageId of(Image image) {
        return new ImageId(Ids.from(image, Image::getId, "image"));
    }

    /** The image an {@code uploadImage} action is making. */
    public static ImageId of(CreatedImage image) {
        return new ImageId(Ids.from(image, CreatedImage::getId, "image"));
    }

    /** The raw value, as the generated API takes it. */
    @Override
    public String toString() {
        return value;
    }
}
