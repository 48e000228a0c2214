package io.toastcloud.compute.emulator.ops;

import io.toastcloud.compute.emulator.api.ApiFailure;
import io.toastcloud.compute.emulator.api.Envelopes;
import io.toastcloud.compute.emulator.api.Operation;
import io.toastcloud.compute.emulator.state.FloatingIpRecord;
import io.toastcloud.compute.emulator.state.TenantState;
import io.toastcloud.compute.model.FloatingIp;
import io.toastcloud.compute.model.FloatingIpCreateRequest;
import io.toastcloud.compute.model.FloatingIpCreateResponse;
import io.toastcloud.compute.model.FloatingIpListResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Floating IPs: each appkey's pool has {@code floatingIpsPerAppkey} addresses; when all are
 * allocated, createFloatingIp answers 20001. An associated floating IP cannot be deleted (22409).
 * Association is an instance action ({@link InstanceActionOperations}).
 */
final class FloatingIpOperations {
    private final Emulation emulation;
    private final Views views;

    FloatingIpOperations(Emulation emulation, Views views) {
        this.emulation = emulation;
        this.views = views;
    }

    void register(Map<String, Operation> ops) {
        ops.put("listFloatingIps", request -> emulation.tenant(request.appkey()).read(tx -> {
            String id = request.query("id");
            List<FloatingIp> ips = new ArrayList<>();
            if (id != null) {
                ips.add(views.floatingIp(floatingIp(tx.state(), id)));
            } else {
                tx.state().floatingIps.values().forEach(f -> ips.add(views.floatingIp(f)));
            }
            return new FloatingIpListResponse().header(Envelopes.ok()).floatingIps(ips);
        }));
        ops.put("createFloatingIp", request -> {
            String poolId = request.body(FloatingIpCreateRequest.class, emulation.mapper()).getPool().getId();
            if (emulation.catalog().pool(poolId).isEmpty()) {
                throw ApiFailure.nonexistent("The floating IP pool does not exist (see listFloatingIpPools).");
            }
            return emulation.tenant(request.appkey()).write(tx -> {
                String address = null;
                for (int i = 0; i < emulation.config().floatingIpsPerAppkey() && address == null; i++) {
                    String candidate = emulation.catalog().floatingIpAddress(i);
                    if (tx.state().floatingIpAt(candidate).isEmpty()) {
                        address = candidate;
                    }
                }
                if (address == null) {
                    throw ApiFailure.noAvailableIp();
                }
                FloatingIpRecord f = new FloatingIpRecord();
                f.id = UUID.randomUUID().toString();
                f.address = address;
                f.poolId = poolId;
                tx.state().floatingIps.put(f.id, f);
                return new FloatingIpCreateResponse().header(Envelopes.ok()).floatingIp(views.floatingIp(f));
            });
        });
        ops.put("deleteFloatingIp", request -> emulation.tenant(request.appkey()).write(tx -> {
            FloatingIpRecord f = floatingIp(tx.state(), request.query("id"));
            if (f.associated()) {
                throw ApiFailure.example("FloatingIpInUse");
            }
            tx.state().floatingIps.remove(f.id);
            return Envelopes.okOnly();
        }));
    }

    private static FloatingIpRecord floatingIp(TenantState state, String id) {
        FloatingIpRecord f = state.floatingIps.get(id);
        if (f == null) {
            throw ApiFailure.example("FloatingIpNotFound");
        }
        return f;
    }
}
