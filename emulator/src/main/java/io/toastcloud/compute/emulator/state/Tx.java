package io.toastcloud.compute.emulator.state;

/** What an operation works on while it holds its tenant's lock: the state, and the moment of the call. */
public record Tx(TenantState state, long now) {
}
