package io.toastcloud.compute.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.waiter.WaiterConfig;
import io.toastcloud.compute.contracttests.EmulatorLifecycle.Step;
import io.toastcloud.compute.contracttests.EmulatorLifecycle.World;
import io.toastcloud.compute.contracttests.emulator.EmulatorTarget;
import io.toastcloud.compute.contracttests.emulator.RecordedAnswers;
import io.toastcloud.compute.contracttests.emulator.RecordedAnswers.Answer;
import io.toastcloud.compute.contracttests.support.JsonAssertions;
import io.toastcloud.compute.emulator.Delays;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The operation suite against the stateful emulator: every operation of the contract and every
 * request example (the nine instance actions included) through the generated client and its
 * runtime, in the lifecycle order of {@link EmulatorLifecycle}, on an in-process emulator whose
 * status transitions take {@value #DELAY_MS} ms (real time; the client's waiters poll for them).
 * For each step:
 * <ul>
 *   <li>the emulator answered the call exactly once, with success;</li>
 *   <li>that answer, and every answer the step's waiting and checking got, fits the bundled
 *       contract (Atlassian swagger-request-validator, {@link RecordedAnswers});</li>
 *   <li>the decoded response, written back as JSON, is exactly what the emulator sent (nothing
 *       lost or invented by the generated model; nulls and absent properties count as equal);</li>
 *   <li>the step's own checks of the response and the resulting state hold.</li>
 * </ul>
 * The last test checks that every answer of the run fit the contract and that the emulator's
 * state is consistent. A step after a failed one fails at once, naming the step that broke the run.
 */
class EmulatorOperationContractTest {
    static final int DELAY_MS = 20;
    private static final ObjectMapper JSON = ToastComputeClient.objectMapper();
    private static final String APPKEY = "contract-lifecycle";

    private static EmulatorTarget emulator;
    private static ToastComputeClient toast;
    private static final World WORLD = new World();
    private static String firstFailure;

    @BeforeAll
    static void start() {
        emulator = EmulatorTarget.start(config -> config.delays(Delays.uniform(Duration.ofMillis(DELAY_MS))));
        toast = emulator.client(APPKEY)
                .waiterConfig(new WaiterConfig(Duration.ofSeconds(30), Duration.ofMillis(5), Duration.ofMillis(50), 1.5, 0.0))
                .build();
        toast.tokenManager().tokenId(); // issue the client's token now, so that each step's answers are its own
    }

    @AfterAll
    static void stop() {
        if (toast != null) {
            toast.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOperationThroughALifecycle() {
        Stream<DynamicTest> steps = EmulatorLifecycle.STEPS.stream().map(step -> dynamicTest(step.name(), () -> run(step)));
        return Stream.concat(steps, Stream.of(dynamicTest("every answer of the run fits the contract; the state is consistent",
                EmulatorOperationContractTest::wholeRun)));
    }

    private static void run(Step step) throws Throwable {
        if (firstFailure != null) {
            throw new AssertionError("not run: the lifecycle broke at '" + firstFailure + "' (see that test)");
        }
        try {
            callAndCheck(step);
        } catch (Throwable t) {
            firstFailure = step.name();
            throw t;
        }
    }

    private static void callAndCheck(Step step) {
        RecordedAnswers answers = emulator.answers();
        int mark = answers.mark();

        Object response = step.invoke(toast, WORLD);

        List<Answer> duringCall = answers.since(mark);
        List<Answer> ofOperation = duringCall.stream().filter(a -> step.operationId().equals(a.operationId())).toList();
        assertEquals(1, ofOperation.size(), step.operationId() + " answered once (no retry, no token re-issue): " + duringCall);
        Answer answer = ofOperation.get(0);
        assertEquals(0, answer.resultCode(), "resultCode of " + answer);
        assertEquals(List.of(), RecordedAnswers.violationsIn(duringCall), "the answer breaks the contract");

        assertNotNull(response, "decoded response");
        JsonNode decoded = JSON.valueToTree(response);
        assertTrue(decoded.at("/header/isSuccessful").asBoolean(), "header.isSuccessful");
        assertEquals(0, decoded.at("/header/resultCode").asInt(), "header.resultCode");
        assertEquals(List.of(), JsonAssertions.differences(parse(answer.body()), decoded),
                step.operationId() + ": the decoded response must hold exactly what the emulator sent; differences at");

        step.check(toast, WORLD, response);
        assertEquals(List.of(), RecordedAnswers.violationsIn(answers.since(mark)),
                "answers while checking and waiting break the contract");
    }

    private static void wholeRun() {
        RecordedAnswers answers = emulator.answers();
        assertTrue(answers.count() > EmulatorLifecycle.STEPS.size(), "the emulator answered the run: " + answers.count());
        assertEquals(List.of(), answers.violations(), "answers that break the contract");
        assertEquals(List.of(), emulator.consistencyProblems(), "inconsistent emulator state");
        System.out.printf("Emulator lifecycle: %d steps, %d answers validated against the contract%n",
                EmulatorLifecycle.STEPS.size(), answers.count());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the emulator answered with a body that is not JSON", e);
        }
    }
}
