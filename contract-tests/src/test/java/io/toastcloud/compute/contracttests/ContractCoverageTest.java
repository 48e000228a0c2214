package io.toastcloud.compute.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contracttests.RuleCase.ClientRefuses;
import io.toastcloud.compute.contracttests.support.ContractDocument;
import io.toastcloud.compute.contracttests.support.ContractDocument.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Fails when the contract has something the contract tests do not test: an operation, a named
 * example (response or request), an instance action, or a request-only {@code x-rules} rule,
 * against Prism; and, against the emulator, an operation, request example or instance action
 * without a lifecycle step, or a failure example neither provoked nor listed as not provokable.
 * It also fails on table entries the contract no longer has, so the tables stay true.
 * Everything is computed from the bundled contract; nothing here needs Prism or the emulator.
 */
class ContractCoverageTest {
    private static final ContractDocument CONTRACT = ContractDocument.bundled();

    /**
     * x-rules that depend on another resource (the flavor or image a request names): neither the
     * client nor Prism can decide them from the request alone, so no rule case can prove them.
     */
    static final Map<String, String> RULES_DECIDED_ELSEWHERE = Map.of(
            "instance.name.windowsMaxLength", "needs the image's os_type",
            "instance.volume.forbiddenForFixedDiskFlavor", "needs the flavor's volumeSize",
            "instance.volume.requiredForOtherFlavors", "needs the flavor's volumeSize",
            "instance.volume.size.imageMinDisk", "needs the image's minDisk");

    /** The x-rules kinds that need another resource (spec/README.md). */
    private static final Set<String> REFERENCE_RULE_KINDS = Set.of("requiredWhenReferenced", "forbiddenWhenReferenced",
            "minimumFromReference", "maxLengthWhenReferenced");

    /** The rules issue 4 names; each must keep its case. */
    private static final Set<String> REQUIRED_RULE_CASES = Set.of(
            "instance-name-length", "instance-name-characters", "instance-count-minimum", "instance-count-maximum",
            "root-volume-size-minimum", "root-volume-size-maximum", "root-volume-size-step",
            "volume-size-minimum", "volume-size-maximum", "volume-size-step", "port-minimum", "port-maximum",
            "port-range-without-protocol", "remote-group-with-ip-prefix", "reboot-type", "unknown-action",
            "missing-token", "malformed-json");

    @Test
    void everyOperationHasACall() {
        Set<String> inContract = CONTRACT.operations().stream().map(Operation::id).collect(Collectors.toSet());
        assertNoDifference("operations", inContract, OperationCalls.BY_OPERATION.keySet(), "OperationCalls");
    }

    @Test
    void everyFailureExampleHasAnExpectedException() {
        Set<String> inContract = new HashSet<>();
        CONTRACT.operations().forEach(op -> inContract.addAll(op.failureExamples()));
        assertNoDifference("failure examples", inContract, FailureExpectations.BY_EXAMPLE.keySet(), "FailureExpectations");
    }

    @Test
    void everySuccessExampleAnswersSomeRequest() {
        List<String> unused = new ArrayList<>();
        Set<String> pairings = new HashSet<>(OperationCalls.SUCCESS_EXAMPLE_BY_REQUEST.keySet());
        for (Operation op : CONTRACT.operations()) {
            Set<String> variants = op.requestExamples().isEmpty() ? Set.of("") : op.requestExamples().keySet();
            Set<String> answered = new HashSet<>();
            for (String variant : variants) {
                answered.add(OperationCalls.successExampleFor(op.id(), variant));
                pairings.remove(op.id() + "/" + variant);
            }
            OperationCalls.CALLS_BY_SUCCESS_EXAMPLE.keySet().stream().filter(k -> k.startsWith(op.id() + "/"))
                    .forEach(k -> answered.add(k.substring(op.id().length() + 1)));
            op.successExamples().stream().filter(s -> !answered.contains(s)).forEach(s -> unused.add(op.id() + "/" + s));
            answered.stream().filter(s -> !op.successExamples().contains(s))
                    .forEach(s -> unused.add(op.id() + " has no success example " + s));
        }
        assertEquals(List.of(), unused, "success examples no request is paired with (OperationCalls.SUCCESS_EXAMPLE_BY_REQUEST)");
        assertEquals(Set.of(), pairings, "pairings for request examples the contract does not have");
    }

    @Test
    void everyInstanceActionHasAnExampleAndATypedMethod() {
        JsonNode mapping = CONTRACT.root().at("/components/schemas/InstanceActionRequest/discriminator/mapping");
        Set<String> actions = new TreeSet<>();
        mapping.fieldNames().forEachRemaining(actions::add);
        assertEquals(9, actions.size(), "the guide's nine actions");
        Set<String> examples = CONTRACT.operation("performInstanceAction").requestExamples().keySet();
        assertNoDifference("instance actions", actions, examples, "performInstanceAction's request examples");
        assertNoDifference("instance actions", actions, TypedActions.BY_ACTION.keySet(), "TypedActions");
    }

    @Test
    void everyOperationAndRequestExampleHasAnEmulatorStep() {
        Set<String> operations = CONTRACT.operations().stream().map(Operation::id).collect(Collectors.toSet());
        Set<String> stepped = EmulatorLifecycle.STEPS.stream().map(EmulatorLifecycle.Step::operationId).collect(Collectors.toSet());
        assertNoDifference("operations", operations, stepped, "EmulatorLifecycle.STEPS");

        Set<String> requestExamples = new HashSet<>();
        CONTRACT.operations().forEach(op -> op.requestExamples().keySet().forEach(name -> requestExamples.add(op.id() + "/" + name)));
        Set<String> steppedExamples = EmulatorLifecycle.STEPS.stream().filter(s -> s.requestExample() != null)
                .map(s -> s.operationId() + "/" + s.requestExample()).collect(Collectors.toSet());
        assertNoDifference("request examples", requestExamples, steppedExamples, "EmulatorLifecycle.STEPS");

        JsonNode mapping = CONTRACT.root().at("/components/schemas/InstanceActionRequest/discriminator/mapping");
        Set<String> actions = new TreeSet<>();
        mapping.fieldNames().forEachRemaining(actions::add);
        Set<String> steppedActions = EmulatorLifecycle.STEPS.stream().filter(s -> "performInstanceAction".equals(s.operationId()))
                .map(EmulatorLifecycle.Step::requestExample).collect(Collectors.toSet());
        assertNoDifference("instance actions", actions, steppedActions, "EmulatorLifecycle.STEPS");
    }

    @Test
    void everyFailureExampleIsProvokedAgainstTheEmulatorOrSaysWhyNot() {
        Set<String> inContract = new HashSet<>();
        CONTRACT.operations().forEach(op -> op.failureExamples().forEach(name -> inContract.add(op.id() + "/" + name)));
        Set<String> provoked = EmulatorFailureCases.ALL.stream().map(c -> c.operationId() + "/" + c.example())
                .collect(Collectors.toSet());
        Set<String> both = new TreeSet<>(provoked);
        both.retainAll(EmulatorFailureCases.NOT_PROVOKED.keySet());
        assertEquals(Set.of(), both, "EmulatorFailureCases provokes failure examples that NOT_PROVOKED says it cannot");
        Set<String> accounted = new HashSet<>(provoked);
        accounted.addAll(EmulatorFailureCases.NOT_PROVOKED.keySet());
        assertNoDifference("failure examples", inContract, accounted,
                "EmulatorFailureCases (a case, or NOT_PROVOKED with the reason)");
        Set<String> names = new HashSet<>();
        EmulatorFailureCases.ALL.forEach(c -> assertTrue(names.add(c.name()), "two failure cases are named " + c.name()));
    }

    @Test
    void everyRequestRuleHasARuleCase() {
        Map<String, String> xRules = new TreeMap<>();
        CONTRACT.root().path("components").path("schemas").forEach(schema ->
                schema.path("x-rules").forEach(rule -> xRules.put(rule.path("id").asText(), rule.path("rule").asText())));
        Set<String> proven = new HashSet<>();
        for (RuleCase c : RuleCases.ALL) {
            if (c.client() instanceof ClientRefuses refuses) {
                refuses.violations().forEach(v -> proven.add(v.substring(v.indexOf(' ') + 1)));
            }
        }
        Set<String> expected = new TreeSet<>(xRules.keySet());
        expected.removeAll(RULES_DECIDED_ELSEWHERE.keySet());
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(proven);
        assertEquals(Set.of(), missing, "x-rules without a rule case in RuleCases");
        Set<String> stale = new TreeSet<>(RULES_DECIDED_ELSEWHERE.keySet());
        stale.removeAll(xRules.keySet());
        assertEquals(Set.of(), stale, "RULES_DECIDED_ELSEWHERE names x-rules the contract does not have");
        RULES_DECIDED_ELSEWHERE.keySet().forEach(id -> assertTrue(REFERENCE_RULE_KINDS.contains(xRules.get(id)),
                id + " (" + xRules.get(id) + ") is decidable from the request: give it a rule case"));
    }

    @Test
    void theRulesOfTheIssueKeepTheirCases() {
        Set<String> ids = RuleCases.ALL.stream().map(RuleCase::id).collect(Collectors.toSet());
        assertEquals(RuleCases.ALL.size(), ids.size(), "rule case ids are unique");
        Set<String> missing = new TreeSet<>(REQUIRED_RULE_CASES);
        missing.removeAll(ids);
        assertEquals(Set.of(), missing, "required rule cases");
    }

    /** The figures for the build log (not a test: the tests above are the proof). */
    @AfterAll
    static void printSummary() {
        int responseExamples = CONTRACT.operations().stream().mapToInt(op -> op.responseExamples().size()).sum();
        int requestExamples = CONTRACT.operations().stream().mapToInt(op -> op.requestExamples().size()).sum();
        long prismRefuses = RuleCases.ALL.stream().filter(c -> c.prism() instanceof RuleCase.PrismRefuses).count();
        System.out.printf("Contract coverage: %d operations, %d response examples, %d request examples "
                        + "(%d instance actions), %d rule cases (%d refused by Prism too)%n",
                CONTRACT.operations().size(), responseExamples, requestExamples,
                CONTRACT.operation("performInstanceAction").requestExamples().size(), RuleCases.ALL.size(), prismRefuses);
        long failureExamples = CONTRACT.operations().stream().mapToLong(op -> op.failureExamples().size()).sum();
        long provoked = EmulatorFailureCases.ALL.stream().map(c -> c.operationId() + "/" + c.example()).distinct().count();
        System.out.printf("Against the emulator: %d lifecycle steps; %d failure cases provoking %d of the %d "
                        + "(operation, failure example) pairs, %d not provokable%n",
                EmulatorLifecycle.STEPS.size(), EmulatorFailureCases.ALL.size(), provoked, failureExamples,
                EmulatorFailureCases.NOT_PROVOKED.size());
    }

    private static void assertNoDifference(String what, Set<String> contract, Set<String> tested, String table) {
        Set<String> untested = new TreeSet<>(contract);
        untested.removeAll(tested);
        Set<String> stale = new TreeSet<>(tested);
        stale.removeAll(contract);
        assertEquals(Set.of(), untested, what + " of the contract with no contract test: add them to " + table);
        assertEquals(Set.of(), stale, table + " has " + what + " the contract does not have");
    }
}
