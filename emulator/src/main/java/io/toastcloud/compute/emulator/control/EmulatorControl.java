package io.toastcloud.compute.emulator.control;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toastcloud.compute.emulator.auth.TokenService;
import io.toastcloud.compute.emulator.state.Lifecycle;
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
    private final Clock clock;
    private final TokenService tokens;

    public EmulatorControl(TenantRegistry tenants, TokenService tokens, Lifecycle lifecycle, Clock clock) {
        this.tenants = tenants;
        this.tokens = tokens;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** The appkeys that have a state, sorted. */
    public List<String> appkeys() {
        TreeSet<String> keys = new TreeSet<>();
        tenants.all().forEach(t -> keys.add(t.appkey()));
        return List.copyOf(keys);
    }

    /**
     * Forgets an appkey, as a fresh service would know it: its resources, in memory and on disk,
     * and its tokens (a client's next call answers 50401 TokenInvalid, and the client issues a new
     * token). Its next request finds a new appkey's state (only the {@code default} security
     * group). False when the appkey had no state.
     */
    public boolean reset(String appkey) {
        boolean existed = tenants.existing(appkey).isPresent();
        tenants.reset(appkey);
        tokens.forget(appkey);
        return existed;
    }

    /**
     * Resets every appkey, then compacts the store so that old records (token ids among them)
     * leave the disk; returns how many appkeys there were.
     */
    public int resetAll() {
        List<String> appkeys = appkeys();
        tenants.resetAll();
        appkeys.forEach(tokens::forget);
        return appkeys.size();
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
