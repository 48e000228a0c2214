package io.toastcloud.compute.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.client.error.ToastServiceException;
import io.toastcloud.compute.contracttests.EmulatorFailureCases.Attempt;
import io.toastcloud.compute.contracttests.EmulatorFailureCases.FailureCase;
import io.toastcloud.compute.contracttests.emulator.EmulatorTarget;
import io.toastcloud.compute.contracttests.emulator.FailureFixture;
import io.toastcloud.compute.testsupport.ManualClock;
import io.toastcloud.compute.contracttests.emulator.RecordedAnswers;
import io.toastcloud.compute.contracttests.emulator.RecordedAnswers.Answer;
import io.toastcloud.compute.contracttests.support.ContractDocument;
import io.toastcloud.compute.contracttests.support.ContractDocument.Operation;
import io.toastcloud.compute.model.FlavorListResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The failure side against the emulator: each case of {@link EmulatorFailureCases} is provoked
 * for real through the client, on a fresh appkey of an emulator whose clock moves only when a
 * case settles it (so a volume stays {@code creating} as long as the case needs). For each:
 * <ul>
 *   <li>the client raises exactly the typed exception {@link FailureExpectations} gives for the
 *       named failure example, naming the operation, with the example's result code;</li>
 *   <li>the message is of the code's class: for a common code (info.x-result-codes) it starts
 *       with the contract's message for it ({@code Invalid parameters : ...}); the emulator says
 *       which resource, so the text itself may differ from the example's;</li>
 *   <li>on the wire: the emulator answered the call once with that code, or, for a token it does
 *       not accept, answered 50401, issued a new token to the client, and answered 50401 again
 *       (one re-issue, then the client gives up);</li>
 *   <li>every answer fits the contract (swagger-request-validator).</li>
 * </ul>
 */
class EmulatorFailureContractTest {
    private static final ContractDocument CONTRACT = ContractDocument.bundled();
    /** One floating IP per appkey: the second allocation is the exhausted pool. */
    static final int FLOATING_IPS_PER_APPKEY = 1;

    private static ManualClock clock;
    private static EmulatorTarget emulator;

    @BeforeAll
    static void start() {
        clock = ManualClock.startingNow();
        emulator = EmulatorTarget.start(config -> config.clock(clock).floatingIpsPerAppkey(FLOATING_IPS_PER_APPKEY));
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFailureTheEmulatorProduces() {
        Stream<DynamicTest> cases = EmulatorFailureCases.ALL.stream().map(c -> dynamicTest(c.name(), () -> provoke(c)));
        return Stream.concat(cases, Stream.of(dynamicTest("every answer fits the contract; the state is consistent", () -> {
            assertEquals(List.of(), emulator.answers().violations(), "answers that break the contract");
            assertEquals(List.of(), emulator.consistencyProblems(), "inconsistent emulator state");
        })));
    }

    /** Expired (not unknown): the client issues a new token once and the call then succeeds. */
    @Test
    void anExpiredTokenIsIssuedAgainOnceAndTheCallSucceeds() {
        try (FailureFixture f = new FailureFixture(emulator, clock)) {
            f.toast().tokenManager().tokenId();
            // The emulator's tokens last an hour. The client reads expiry on its own (system)
            // clock, so it still holds the token fresh and sends it.
            clock.advance(Duration.ofHours(2));
            long issued = f.toast().tokenManager().issueCount();
            int mark = emulator.answers().mark();

            FlavorListResponse flavors = f.toast().api(FlavorApi.class).listFlavors();

            assertFalse(flavors.getFlavors().isEmpty(), "the flavors, after the re-issue");
            List<Answer> answers = emulator.answers().since(mark);
            assertEquals(List.of("listFlavors 50401", "issueToken 0", "listFlavors 0"), summary(answers));
            assertEquals(issued + 1, f.toast().tokenManager().issueCount(), "one new token");
            assertEquals(List.of(), RecordedAnswers.violationsIn(answers), "answers that break the contract");
        }
    }

    private static void provoke(FailureCase c) throws Throwable {
        Operation op = CONTRACT.operation(c.operationId());
        assertTrue(op.failureExamples().contains(c.example()), c.operationId() + " has no failure example " + c.example());
        int code = op.responseExample(c.example()).at("/header/resultCode").asInt();
        Class<? extends ToastServiceException> expected = FailureExpectations.BY_EXAMPLE.get(c.example());
        assertNotNull(expected, "no expected exception for " + c.example() + " in FailureExpectations");

        try (FailureFixture f = new FailureFixture(emulator, clock)) {
            f.toast().tokenManager().tokenId(); // the client's own token, so that only a re-issue shows below
            Attempt attempt = c.provocation().prepare(f);
            long issued = f.toast().tokenManager().issueCount();
            int mark = emulator.answers().mark();

            Throwable thrown = null;
            try {
                attempt.call();
            } catch (Throwable t) {
                thrown = t;
            }

            List<Answer> answers = emulator.answers().since(mark);
            if (thrown == null) {
                fail(c.name() + ": must raise " + expected.getSimpleName() + ", returned normally; answers " + answers);
            }
            if (thrown.getClass() != expected) {
                throw new AssertionError(c.name() + ": must raise exactly " + expected.getName() + ", raised "
                        + thrown.getClass().getName(), thrown);
            }
            ToastServiceException service = (ToastServiceException) thrown;
            assertEquals(c.operationId(), service.operation(), "the exception names the operation");
            assertEquals(code, service.resultCode(), "resultCode: the code of the contract's " + c.example());
            assertMessageOfClass(code, service.resultMessage());

            String failed = c.operationId() + " " + code;
            assertEquals(c.reissues() ? List.of(failed, "issueToken 0", failed) : List.of(failed), summary(answers),
                    "the emulator's answers to the call");
            assertEquals(issued + (c.reissues() ? 1 : 0), f.toast().tokenManager().issueCount(),
                    c.reissues() ? "one token re-issue" : "no token re-issue");
            assertEquals(List.of(), RecordedAnswers.violationsIn(answers), "answers that break the contract");
        }
    }

    /** For a common code, the contract's message for it, then (optionally) " : detail". */
    private static void assertMessageOfClass(int code, String message) {
        assertNotNull(message, "resultMessage");
        assertFalse(message.isBlank(), "resultMessage");
        commonMessage(code).ifPresent(common -> assertTrue(message.equals(common) || message.startsWith(common + " : "),
                "the message of a " + code + " starts with the contract's '" + common + "': " + message));
    }

    private static Optional<String> commonMessage(int code) {
        for (JsonNode c : CONTRACT.root().at("/info/x-result-codes")) {
            if (c.path("code").asInt() == code) {
                return Optional.of(c.path("message").asText());
            }
        }
        return Optional.empty();
    }

    private static List<String> summary(List<Answer> answers) {
        return answers.stream().map(a -> a.operationId() + " " + a.resultCode()).toList();
    }
}
