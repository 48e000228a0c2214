package io.toastcloud.compute.emulator.api;

/**
 * The emulator's implementation of one contract operation. It returns the response model with a
 * successful {@code header}, or throws {@link ApiFailure}.
 */
@FunctionalInterface
public interface Operation {
    Object handle(ApiRequest request);
}
