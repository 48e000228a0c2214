package io.toastcloud.compute.reliability.support;

import io.toastcloud.compute.emulator.EmulatorConfig;
import io.toastcloud.compute.emulator.EmulatorServer;
import io.toastcloud.compute.emulator.control.FaultRule;
import io.toastcloud.compute.emulator.control.FaultRules;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project's emulator on an ephemeral loopback port, with this suite's user: the source of
 * every fault its fault rules can make (result codes, latency, a dropped connection, a gateway's
 * 502/503 with or without Retry-After). Hand-written stubs are kept only for what it cannot make.
 */
public final class EmulatedService implements AutoCloseable {
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    public final EmulatorServer server = EmulatorServer.start(EmulatorConfig.builder().port(0)
            .user(Secrets.USER, Secrets.PASSWORD)
            .observer(e -> answered.computeIfAbsent(String.valueOf(e.operationId()), k -> new AtomicInteger()).incrementAndGet())
            .build());

    public String endpoint() {
        return server.endpoint();
    }

    /** Adds a rule; {@link #applied} then tells how many calls it faulted. */
    public FaultRule fault(FaultRule.Builder rule) {
        return server.faults().add(rule);
    }

    /** How many calls {@code rule} faulted: each one a request that reached the service. */
    public long applied(FaultRule rule) {
        return server.faults().list().stream().filter(l -> l.rule().id().equals(rule.id()))
                .mapToLong(FaultRules.Listed::applied).findFirst().orElse(0);
    }

    /** How many calls of {@code operationId} were answered (a faulted call that got no envelope is not counted). */
    public int answered(String operationId) {
        AtomicInteger n = answered.get(operationId);
        return n == null ? 0 : n.get();
    }

    /** Removes every rule and forgets the counts. */
    public void clearFaults() {
        server.faults().clear();
        answered.clear();
    }

    @Override
    public void close() {
        server.close();
    }
}
