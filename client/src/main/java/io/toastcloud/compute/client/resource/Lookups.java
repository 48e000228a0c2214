package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.client.error.ResourceNotFoundException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How the resource classes turn the API's lists into one thing or nothing. The API has no
 * "get by id" for most resources: it filters a list by id (or not at all), and answers an
 * unknown id either with an empty list or with a not-found result code. Both become empty here;
 * every other failure is still thrown.
 */
final class Lookups {
    private Lookups() {
    }

    /** The element of the list whose key equals {@code wanted}; empty when none, or when the service says not found. */
    static <T> Optional<T> one(Supplier<List<T>> list, Function<T, String> key, String wanted) {
        try {
            return orEmpty(list.get()).stream().filter(t -> wanted.equals(key.apply(t))).findFirst();
        } catch (ResourceNotFoundException notFound) {
            return Optional.empty();
        }
    }

    /** Every element named {@code name}. */
    static <T> List<T> named(List<T> list, Function<T, String> name, String wanted) {
        Objects.requireNonNull(wanted, "name");
        return orEmpty(list).stream().filter(t -> wanted.equals(name.apply(t))).toList();
    }

    /**
     * The one element named {@code name}, or empty. Names are not unique for most resources: when
     * several share it, this refuses to pick one and names their ids ({@code findAllByName} lists them).
     */
    static <T> Optional<T> uniquelyNamed(List<T> list, Function<T, String> name, Function<T, String> id,
            String wanted, String what) {
        List<T> found = named(list, name, wanted);
        if (found.size() > 1) {
            throw new IllegalStateException(found.size() + " " + what + "s are named '" + wanted + "' (ids "
                    + found.stream().map(id).collect(Collectors.joining(", ")) + "): use findAllByName or an id");
        }
        return found.stream().findFirst();
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
}
