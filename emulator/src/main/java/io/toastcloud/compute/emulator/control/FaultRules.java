package io.toastcloud.compute.emulator.control;

import io.toastcloud.compute.contract.Contract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault rules in force, changed at run time (by tests through {@code EmulatorServer#faults()}
 * or the control plane's {@code /_emulator/faults}). Every rule is checked when added: an
 * operation the contract does not have, a result code it does not list, a status other than
 * 502/503, a negative latency, a count below 1 or a probability outside 0..1 is refused with
 * an {@link IllegalArgumentException} that names it. Thread-safe; with no rule, a call costs
 * one look at an empty list.
 */
public final class FaultRules {
    /** The longest latency a rule may add (a test double should not hang a build). */
    static final Duration MAX_LATENCY = Duration.ofMinutes(2);

    private final Set<String> operations;
    private final ContractResultCodes resultCodes;
    private final CopyOnWriteArrayList<Active> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    public FaultRules(Contract contract) {
        this.operations = new TreeSet<>(contract.operations().keySet());
        this.resultCodes = new ContractResultCodes(contract);
    }

    /** Checks the rule, gives it an id and puts it in force after the rules already there. */
    public FaultRule add(FaultRule.Builder b) {
        if (b.operation != null && !operations.contains(b.operation)) {
            throw new IllegalArgumentException("unknown operation '" + b.operation + "': the contract has " + operations);
        }
        if (b.kind == null) {
            throw new IllegalArgumentException("a fault rule needs a kind: resultCode, latency, dropConnection or gatewayError");
        }
        String message = null;
        switch (b.kind) {
            case RESULT_CODE -> message = resultCodes.message(b.resultCode).orElseThrow(() -> new IllegalArgumentException(
                    "unknown result code " + b.resultCode + ": not a failure code of the contract (one of "
                            + resultCodes.list() + ")"));
            case LATENCY -> {
                if (b.latency == null || b.latency.isNegative() || b.latency.compareTo(MAX_LATENCY) > 0) {
                    throw new IllegalArgumentException("latency must be 0 to " + MAX_LATENCY.toMinutes() + " minutes, was "
                            + b.latency);
                }
            }
            case GATEWAY_ERROR -> {
                if (b.httpStatus != 502 && b.httpStatus != 503) {
                    throw new IllegalArgumentException("httpStatus of a gateway error must be 502 or 503, was " + b.httpStatus);
                }
                if (b.retryAfter != null && (b.retryAfter.isNegative() || b.retryAfter.toNanos() % 1_000_000_000L != 0)) {
                    throw new IllegalArgumentException("retryAfter must be whole seconds, not negative (Retry-After "
                            + "is sent in seconds), was " + b.retryAfter);
                }
            }
            case DROP_CONNECTION -> { }
        }
        if (b.times != null && b.times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + b.times);
        }
        double probability = b.probability == null ? 1.0 : b.probability;
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must be 0 to 1, was " + b.probability);
        }
        FaultRule rule = new FaultRule("fault-" + ids.incrementAndGet(), b.operation, b.kind,
                b.kind == FaultKind.RESULT_CODE ? b.resultCode : null, message,
                b.kind == FaultKind.LATENCY ? b.latency : null, b.kind == FaultKind.GATEWAY_ERROR ? b.httpStatus : null,
                b.kind == FaultKind.GATEWAY_ERROR ? b.retryAfter : null, b.times, probability,
                b.probability == null ? null : b.seed);
        rules.add(new Active(rule));
        return rule;
    }

    /** The rules in force, in the order they were added, each with the calls it has left. */
    public List<Listed> list() {
        List<Listed> out = new ArrayList<>();
        for (Active a : rules) {
            out.add(new Listed(a.rule, a.remaining(), a.applied()));
        }
        return out;
    }

    /** Removes one rule; false when no rule has that id (any longer). */
    public boolean remove(String id) {
        return rules.removeIf(a -> a.rule.id().equals(id));
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * What happens to one call of {@code operationId}: the latency of every latency rule that
     * applies, then the first answering rule (result code, drop, gateway) that applies, if any.
     * Each rule that applies uses up one of its calls.
     */
    public Decision decide(String operationId) {
        if (rules.isEmpty()) {
            return Decision.NONE;
        }
        Duration latency = Duration.ZERO;
        FaultRule answer = null;
        for (Active a : rules) {
            if (!a.rule.covers(operationId)) {
                continue;
            }
            boolean terminal = a.rule.kind() != FaultKind.LATENCY;
            if (terminal && answer != null) {
                continue; // an answer is chosen: later answering rules are not drawn, nor used up
            }
            if (!a.tryApply()) {
                continue;
            }
            if (a.exhausted()) {
                rules.remove(a);
            }
            if (terminal) {
                answer = a.rule;
            } else {
                latency = latency.plus(a.rule.latency());
            }
        }
        return new Decision(latency, Optional.ofNullable(answer));
    }

    /**
     * A rule as listed: with the calls it has left (null: no limit) and the calls it was applied
     * to so far (a test can tell from it how often a client sent a call).
     */
    public record Listed(FaultRule rule, Integer remaining, long applied) {
    }

    /** The faults of one call. */
    public record Decision(Duration latency, Optional<FaultRule> answer) {
        static final Decision NONE = new Decision(Duration.ZERO, Optional.empty());
    }

    /** A rule with its count and its generator, both changed under the rule's own lock. */
    private static final class Active {
        final FaultRule rule;
        private final Random random;
        private Integer remaining;
        private long applied;

        Active(FaultRule rule) {
            this.rule = rule;
            this.random = rule.seed() == null ? null : new Random(rule.seed());
            this.remaining = rule.times();
        }

        synchronized boolean tryApply() {
            if (remaining != null && remaining <= 0) {
                return false;
            }
            if (random != null && random.nextDouble() >= rule.probability()) {
                return false;
            }
            if (remaining != null) {
                remaining--;
            }
            applied++;
            return true;
        }

        synchronized boolean exhausted() {
            return remaining != null && remaining <= 0;
        }

        synchronized Integer remaining() {
            return remaining;
        }

        synchronized long applied() {
            return applied;
        }
    }
}
