package io.toastcloud.compute.emulator.ops;

import io.toastcloud.compute.emulator.api.ApiFailure;
import io.toastcloud.compute.emulator.state.InstanceRecord;
import io.toastcloud.compute.emulator.state.TenantState;
import java.util.Arrays;

/** Look-ups and preconditions shared by the instance operations. */
final class Instances {
    private Instances() {
    }

    static InstanceRecord instance(TenantState state, String id) {
        InstanceRecord i = state.instances.get(id);
        if (i == null) {
            throw ApiFailure.example("InstanceNotFound");
        }
        return i;
    }

    /** Refuses {@code what} (10409) unless the instance's status is one of {@code allowed}. */
    static void requireStatus(InstanceRecord instance, String what, String... allowed) {
        if (!Arrays.asList(allowed).contains(instance.status)) {
            throw ApiFailure.example("InstanceConflict", "Cannot '" + what + "' instance while it is in status "
                    + instance.status + " (allowed: " + String.join(", ", allowed) + ")");
        }
    }

    /** Refuses {@code what} (10409) while the instance's status is one of {@code refused}. */
    static void refuseStatus(InstanceRecord instance, String what, String... refused) {
        if (Arrays.asList(refused).contains(instance.status)) {
            throw ApiFailure.example("InstanceConflict", "Cannot '" + what + "' instance while it is in status "
                    + instance.status);
        }
    }
}
