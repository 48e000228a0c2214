package io.toastcloud.compute.contracttests.emulator;

import io.toastcloud.compute.emulator.ExchangeObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every answer the emulator gives, in order, each validated against the contract as it is sent
 * (the emulator calls its observer before the answer leaves, so a client holding its answer
 * knows it is recorded here). Held in memory only and never printed: answers carry token ids
 * and private keys; {@link Answer#toString()} leaves the body out.
 */
public final class RecordedAnswers implements ExchangeObserver {
    private final ContractResponseValidator validator = ContractResponseValidator.shared();
    private final List<Answer> answers = new ArrayList<>();

    /**
     * One answer.
     *
     * @param operationId the contract operation it answered, or null for a route the contract does not have
     * @param body the JSON sent (kept for comparison with what the client decoded; never printed)
     * @param errors the validator's verdict, empty when the answer fits the contract
     */
    public record Answer(String operationId, String method, String path, int status, int resultCode, String body,
            List<String> errors) {
        @Override
        public String toString() {
            return method + " " + path + " (" + operationId + ") -> HTTP " + status + ", resultCode " + resultCode;
        }
    }

    @Override
    public void exchanged(Exchange e) {
        String body = new String(e.responseBody(), StandardCharsets.UTF_8);
        List<String> errors = e.operationId() == null
                ? List.of("an answer to a route the contract does not have")
                : validator.errors(e.method(), e.path(), e.status(), e.contentType(), body);
        record(new Answer(e.operationId(), e.method(), e.path(), e.status(), e.resultCode(), body, errors));
    }

    private synchronized void record(Answer answer) {
        answers.add(answer);
    }

    /** How many answers so far: a mark to take {@link #since(int)} from. */
    public synchronized int mark() {
        return answers.size();
    }

    /** The answers given after {@code mark}, in order. */
    public synchronized List<Answer> since(int mark) {
        return List.copyOf(answers.subList(mark, answers.size()));
    }

    public synchronized int count() {
        return answers.size();
    }

    /** Every violation so far, each with the answer it is in (without its body). */
    public synchronized List<String> violations() {
        return violationsIn(answers);
    }

    public static List<String> violationsIn(List<Answer> answers) {
        List<String> all = new ArrayList<>();
        answers.forEach(a -> a.errors().forEach(error -> all.add(a + ": " + error)));
        return all;
    }
}
