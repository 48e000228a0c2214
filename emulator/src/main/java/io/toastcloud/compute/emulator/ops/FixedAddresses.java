package io.toastcloud.compute.emulator.ops;

import io.toastcloud.compute.emulator.state.Catalog;
import io.toastcloud.compute.emulator.state.InstanceRecord;
import io.toastcloud.compute.emulator.state.TenantState;
import io.toastcloud.compute.model.AllocationPool;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Hands out fixed IPv4 addresses from a network's allocation pools: the lowest one no instance of the appkey has. */
final class FixedAddresses {
    private final Catalog catalog;

    FixedAddresses(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A free address on {@code networkId}, not in {@code alsoTaken} (addresses given out by the same request). */
    Optional<String> allocate(TenantState state, String networkId, Set<String> alsoTaken) {
        Set<String> taken = new HashSet<>(alsoTaken);
        for (InstanceRecord i : state.instances.values()) {
            i.nics.stream().filter(n -> n.networkId().equals(networkId)).forEach(n -> taken.add(n.ipAddress()));
        }
        for (AllocationPool pool : catalog.allocationPools(networkId)) {
            long end = toLong(pool.getEnd());
            for (long a = toLong(pool.getStart()); a <= end; a++) {
                String candidate = toText(a);
                if (!taken.contains(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static long toLong(String ipv4) {
        long value = 0;
        for (String part : ipv4.split("\\.")) {
            value = value * 256 + Integer.parseInt(part);
        }
        return value;
    }

    private static String toText(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }
}
