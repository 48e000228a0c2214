package io.toastcloud.compute.emulator.control;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toastcloud.compute.emulator.state.Catalog;
import io.toastcloud.compute.emulator.state.Lifecycle;
import io.toastcloud.compute.emulator.state.SecurityGroupRecord;
import io.toastcloud.compute.emulator.state.StatefulRecord;
import io.toastcloud.compute.emulator.state.Step;
import io.toastcloud.compute.emulator.state.Tenant;
import io.toastcloud.compute.emulator.state.TenantRegistry;
import io.toastcloud.compute.emulator.state.TenantState;
import io.toastcloud.compute.emulator.state.TokenRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a test may do to a running emulator besides calling the API: reset appkeys, look at an
 * appkey's state, move a manual clock, finish pending transitions. The control plane's HTTP
 * endpoints and {@code EmulatorServer}'s methods both come here.
 */
public final class EmulatorControl {
    /** Field by field, as the state is kept (the records' public fields, not their getters). */
    private static final ObjectMapper STATE_JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    private final TenantRegistry tenants;
    private final Lifecycle lifecycle;
    private final Catalog catalog;
    private final Clock clock;

    public EmulatorControl(TenantRegistry tenants, Lifecycle lifecycle, Catalog catalog, Clock clock) {
        this.tenants = tenants;
        this.lifecycle = lifecycle;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The appkeys that have a state, sorted. */
    public List<String> appkeys() {
        TreeSet<String> keys = new TreeSet<>();
        tenants.all().forEach(t -> keys.add(t.appkey()));
        return List.copyOf(keys);
    }

    /**
     * Puts an appkey back to what a new appkey has (only the {@code default} security group),
     * saved like any change; tokens issued for it stay valid, so clients keep working. False when
     * the appkey has no state. The only place the emulator resets: when the state store gains its
     * own reset, it is called from here.
     */
    public boolean reset(String appkey) {
        Optional<Tenant> tenant = tenants.existing(appkey);
        tenant.ifPresent(t -> t.write(tx -> {
            clearResources(tx.state());
            return null;
        }));
        return tenant.isPresent();
    }

    /** Resets every appkey; returns how many there were. */
    public int resetAll() {
        int n = 0;
        for (String appkey : appkeys()) {
            if (reset(appkey)) {
                n++;
            }
        }
        return n;
    }

    private void clearResources(TenantState state) {
        state.keypairs.clear();
        state.securityGroups.clear();
        state.instances.clear();
        state.volumes.clear();
        state.images.clear();
        state.floatingIps.clear();
        SecurityGroupRecord group = catalog.newDefaultSecurityGroup();
        state.securityGroups.put(group.id, group);
    }

    /**
     * The appkey's state as JSON, after the transitions that fell due (empty when the appkey has
     * none). Token ids are secrets: tokens are shown by user and times only.
     */
    public Optional<ObjectNode> state(String appkey) {
        return tenants.existing(appkey).map(t -> t.read(tx -> {
            ObjectNode json = STATE_JSON.valueToTree(tx.state());
            ArrayNode tokens = json.putArray("tokens");
            for (TokenRecord token : tx.state().tokens.values()) {
                tokens.addObject().put("username", token.username()).put("userId", token.userId())
                        .put("issuedAt", token.issuedAt()).put("expiresAt", token.expiresAt());
            }
            json.put("now", tx.now());
            return json;
        }));
    }

    public Instant now() {
        return clock.instant();
    }

    /** Whether the clock moves only when told ({@link #advanceClock}). */
    public boolean manualClock() {
        return clock instanceof ManualClock;
    }

    /**
     * Moves the manual clock forward: transitions and token expiry due by then happen.
     *
     * @throws IllegalStateException when the emulator runs on real time
     */
    public Instant advanceClock(Duration by) {
        if (!(clock instanceof ManualClock manual)) {
            throw new IllegalStateException("the clock is not manual: start the emulator with --manual-clock "
                    + "(EmulatorConfig.Builder#manualClock()) to move it");
        }
        return manual.advance(by);
    }

    /**
     * Makes every pending status transition of every appkey happen now, in the order they were
     * planned (as if each delay had passed), without moving the clock; works on either clock.
     * Returns how many steps were applied.
     */
    public int finishPendingTransitions() {
        int steps = 0;
        for (Tenant tenant : tenants.all()) {
            steps += tenant.write(tx -> {
                int n = 0;
                for (StatefulRecord r : stateful(tx.state())) {
                    List<Step> now = new ArrayList<>(r.pending.size());
                    for (Step s : r.pending) {
                        now.add(new Step(Math.min(s.at(), tx.now()), s.seq(), s.status(), s.gone()));
                    }
                    n += now.size();
                    r.pending.clear();
                    r.pending.addAll(now);
                }
                lifecycle.advance(tx.state(), tx.now());
                return n;
            });
        }
        return steps;
    }

    private static List<StatefulRecord> stateful(TenantState state) {
        List<StatefulRecord> all = new ArrayList<>();
        all.addAll(state.instances.values());
        all.addAll(state.volumes.values());
        all.addAll(state.images.values());
        return all;
    }
}
