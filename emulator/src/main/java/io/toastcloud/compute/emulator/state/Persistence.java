package io.toastcloud.compute.emulator.state;

import java.io.IOException;

/** Where a tenant's state goes after each change: nowhere, or a {@link SnapshotStore}. */
@FunctionalInterface
public interface Persistence {
    Persistence NONE = state -> { };

    void save(TenantState state) throws IOException;
}
