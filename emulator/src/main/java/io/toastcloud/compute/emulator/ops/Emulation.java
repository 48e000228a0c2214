package io.toastcloud.compute.emulator.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.emulator.EmulatorConfig;
import io.toastcloud.compute.emulator.Transition;
import io.toastcloud.compute.emulator.auth.TokenService;
import io.toastcloud.compute.emulator.state.Catalog;
import io.toastcloud.compute.emulator.state.Lifecycle;
import io.toastcloud.compute.emulator.state.Tenant;
import java.time.Duration;

/** What the operations share: the contract, the catalog, every appkey's state, the tokens and the settings. */
public record Emulation(Contract contract, ObjectMapper mapper, Catalog catalog,
        io.toastcloud.compute.emulator.state.TenantRegistry tenants, Lifecycle lifecycle, TokenService tokens,
        EmulatorConfig config) {

    public Tenant tenant(String appkey) {
        return tenants.tenant(appkey);
    }

    public Duration delay(Transition transition) {
        return config.delays().of(transition);
    }

    /** Whether a resource of this name is made to fail (see {@link EmulatorConfig#failurePrefix()}). */
    public boolean failing(String name) {
        String prefix = config.failurePrefix();
        return !prefix.isEmpty() && name != null && name.startsWith(prefix);
    }
}
