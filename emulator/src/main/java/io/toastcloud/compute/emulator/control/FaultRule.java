package io.toastcloud.compute.emulator.control;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault the emulator injects into calls of one operation (or of every operation): a result
 * code, latency, a dropped connection or a gateway's HTTP 502/503 page; for the next
 * {@code times} calls, or for each call with a probability drawn from a seeded generator (so a
 * run can be repeated), or both. Build one with {@link #on(String)} or {@link #onEveryOperation()}
 * and add it with {@link FaultRules#add(Builder)}, which checks it against the contract and
 * gives it its id.
 *
 * @param id given by {@link FaultRules#add}
 * @param operation the contract's operationId, or null for every operation
 * @param kind what the rule does
 * @param resultCode for {@link FaultKind#RESULT_CODE}: the code answered
 * @param resultMessage for {@link FaultKind#RESULT_CODE}: the contract's message of that code
 * @param latency for {@link FaultKind#LATENCY}: the added wait
 * @param httpStatus for {@link FaultKind#GATEWAY_ERROR}: 502 or 503
 * @param retryAfter for {@link FaultKind#GATEWAY_ERROR}: the {@code Retry-After} sent (whole seconds), or null for none
 * @param times how many calls it applies to before it is removed, or null for no limit
 * @param probability the chance it applies to a matching call (1 when not given)
 * @param seed the seed of the draws, when a probability is given
 */
public record FaultRule(String id, String operation, FaultKind kind, Integer resultCode, String resultMessage,
        Duration latency, Integer httpStatus, Duration retryAfter, Integer times, double probability, Long seed) {

    /** A rule for calls of {@code operationId} (checked against the contract when added). */
    public static Builder on(String operationId) {
        return new Builder(Objects.requireNonNull(operationId, "operationId"));
    }

    /** A rule for calls of every operation of the contract. */
    public static Builder onEveryOperation() {
        return new Builder(null);
    }

    public Optional<String> operationId() {
        return Optional.ofNullable(operation);
    }

    /** Whether it applies to calls of {@code operationId}. */
    public boolean covers(String operationId) {
        return operation == null || operation.equals(operationId);
    }

    /** What a rule is to be: checked and completed by {@link FaultRules#add}. */
    public static final class Builder {
        final String operation;
        FaultKind kind;
        Integer resultCode;
        Duration latency;
        Integer httpStatus;
        Duration retryAfter;
        Integer times;
        Double probability;
        Long seed;

        private Builder(String operation) {
            this.operation = operation;
        }

        /** Answer this result code (one of the contract's) with the contract's message. */
        public Builder resultCode(int code) {
            this.kind = FaultKind.RESULT_CODE;
            this.resultCode = code;
            return this;
        }

        /** Wait this long before the call is handled. */
        public Builder latency(Duration wait) {
            this.kind = FaultKind.LATENCY;
            this.latency = wait;
            return this;
        }

        /** Close the connection without an answer. */
        public Builder dropConnection() {
            this.kind = FaultKind.DROP_CONNECTION;
            return this;
        }

        /** Answer HTTP {@code status} (502 or 503) with an HTML page and no {@code Retry-After}. */
        public Builder gatewayError(int status) {
            this.kind = FaultKind.GATEWAY_ERROR;
            this.httpStatus = status;
            return this;
        }

        /** Answer HTTP {@code status} (502 or 503) with an HTML page and {@code Retry-After} (whole seconds). */
        public Builder gatewayError(int status, Duration retryAfter) {
            gatewayError(status);
            this.retryAfter = retryAfter;
            return this;
        }

        /** Apply to the next {@code n} calls only (counting those it applied to), then go away. */
        public Builder times(int n) {
            this.times = n;
            return this;
        }

        /** Apply to each matching call with this chance (0 to 1), drawn from a generator seeded with {@code seed}. */
        public Builder probability(double chance, long seed) {
            this.probability = chance;
            this.seed = seed;
            return this;
        }
    }
}
