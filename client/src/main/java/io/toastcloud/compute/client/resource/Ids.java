package io.toastcloud.compute.client.resource;

import java.util.Objects;
import java.util.function.Function;

/** The one check the id types make themselves: a value is there. Every other rule is the contract's. */
final class Ids {
    private Ids() {
    }

    static String present(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return value;
    }

    /** The id read off a model, with a message naming the model when it has none. */
    static <M> String from(M model, Function<M, String> id, String what) {
        Objects.requireNonNull(model, what);
        String value = id.apply(model);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " has no id (was it read from a response?)");
        }
        return value;
    }
}
