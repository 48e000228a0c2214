package io.toastcloud.compute.emulator.ops;

import io.toastcloud.compute.emulator.api.Operation;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every operation of the contract, by operationId. Refuses to start when one is missing. */
public final class OperationTable {
    private OperationTable() {
    }

    public static Map<String, Operation> build(Emulation emulation) {
        Map<String, Operation> ops = new HashMap<>();
        Views views = new Views(emulation.catalog(), emulation.mapper());
        new TokenOperations(emulation).register(ops);
        new CatalogOperations(emulation, views).register(ops);
        new KeypairOperations(emulation, views).register(ops);
        new SecurityGroupOperations(emulation, views).register(ops);
        new InstanceOperations(emulation, views).register(ops);
        new InstanceActionOperations(emulation).register(ops);
        new VolumeOperations(emulation, views).register(ops);
        new FloatingIpOperations(emulation, views).register(ops);
        Set<String> missing = new TreeSet<>(emulation.contract().operations().keySet());
        missing.removeAll(ops.keySet());
        Set<String> extra = new TreeSet<>(ops.keySet());
        extra.removeAll(emulation.contract().operations().keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalStateException("the emulator and the contract disagree: not implemented " + missing
                    + ", not in the contract " + extra);
        }
        return Collections.unmodifiableMap(ops);
    }
}
