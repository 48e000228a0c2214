package io.toastcloud.compute.reliability.badinput;

import io.toastcloud.compute.reliability.support.Secrets;

import io.toastcloud.compute.testsupport.ManualClock;

import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.Transport;
import io.toastcloud.compute.client.error.RequestValidationException;
import io.toastcloud.compute.contract.Violation;
import io.toastcloud.compute.model.AddFloatingIpAction;
import io.toastcloud.compute.model.AddFloatingIpParameters;
import io.toastcloud.compute.model.AddSecurityGroupAction;
import io.toastcloud.compute.model.Direction;
import io.toastcloud.compute.model.Ethertype;
import io.toastcloud.compute.model.InstanceActionRequest;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceRootVolumeSpec;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.Protocol;
import io.toastcloud.compute.model.RebootAction;
import io.toastcloud.compute.model.RebootParameters;
import io.toastcloud.compute.model.RebootType;
import io.toastcloud.compute.model.RemoveFloatingIpAction;
import io.toastcloud.compute.model.RemoveFloatingIpParameters;
import io.toastcloud.compute.model.RemoveSecurityGroupAction;
import io.toastcloud.compute.model.ResizeAction;
import io.toastcloud.compute.model.ResizeParameters;
import io.toastcloud.compute.model.SecurityGroupActionParameters;
import io.toastcloud.compute.model.SecurityGroupName;
import io.toastcloud.compute.model.SecurityGroupRuleCreateRequest;
import io.toastcloud.compute.model.SecurityGroupRuleSpec;
import io.toastcloud.compute.model.StartAction;
import io.toastcloud.compute.model.StopAction;
import io.toastcloud.compute.model.UploadImageAction;
import io.toastcloud.compute.model.UploadImageParameters;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateSpec;
import io.toastcloud.compute.reliability.support.ApiCalls;
import io.toastcloud.compute.reliability.support.ApiCalls.ApiMethod;
import io.toastcloud.compute.reliability.support.Clients;
import io.toastcloud.compute.reliability.support.ContractAnswers;
import io.toastcloud.compute.reliability.support.ContractCalls;
import io.toastcloud.compute.testsupport.ContractModel;
import io.toastcloud.compute.testsupport.ContractModel.Operation;
import io.toastcloud.compute.reliability.support.IndependentValidator;
import io.toastcloud.compute.reliability.support.RecordingSleeper;
import io.toastcloud.compute.reliability.support.Report;
import io.toastcloud.compute.testsupport.WireMockService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue case 4, property-based: random requests (mostly valid, with the invalid values callers
 * really produce) for instance creation, volume creation, security group rules and all nine
 * instance actions. Whatever the client accepts and sends must be valid for an independent
 * OpenAPI validator reading the bundled contract; whatever that validator rejects, the client
 * must have refused, sending nothing; and the client refuses nothing the validator accepts,
 * except by a cross-field rule of the contract ({@code x-rules}), which that validator does not
 * know.
 */
class RequestValidityPropertiesTest {
    private static final String SUITE = "properties";
    private static final int TRIES = 250;
    private static final ObjectMapper MAPPER = ToastComputeClient.objectMapper();
    private static final Map<String, Map<String, AtomicInteger>> OUTCOMES = new ConcurrentHashMap<>();
    // WireMock, not the emulator: it records the exact body sent for the independent validator to
    // judge and answers success to anything, so the emulator's own judgement does not interfere.
    private static WireMockService stub;
    private static ToastComputeClient client;
    private static Set<String> ruleIds;

    @BeforeContainer
    static void start() {
        stub = new WireMockService(Secrets.APPKEY, new ManualClock(ManualClock.CONTRACT_EXAMPLE_NOW));
        stub.issuesTokens(Secrets.TOKEN_ID);
        for (Operation op : ContractModel.bundled().operations()) {
            if (!op.successExamples().isEmpty() && !"issueToken".equals(op.id())) {
                ContractAnswers.answer(stub.server, op, op.successExamples().values().iterator().next().toString());
            }
        }
        client = Clients.builder(stub.endpoint(), Transport.APACHE_HC5, stub.clock, new RecordingSleeper()).build();
        ruleIds = new HashSet<>();
        ContractModel.bundled().document().path("components").path("schemas").forEach(s ->
                s.path("x-rules").forEach(r -> ruleIds.add(r.path("id").asText())));
    }

    @AfterContainer
    static void stop() {
        client.close();
        stub.close();
        OUTCOMES.forEach((op, counts) -> Report.line(SUITE, op + ": " + counts));
    }

    @Property(tries = TRIES)
    void createInstance(@ForAll("instances") InstanceCreateSpec spec) {
        check("createInstance", new InstanceCreateRequest().instance(spec), Map.of());
    }

    @Property(tries = TRIES)
    void createVolume(@ForAll("volumes") VolumeCreateSpec spec) {
        check("createVolume", new VolumeCreateRequest().volume(spec), Map.of());
    }

    @Property(tries = TRIES)
    void createSecurityGroupRule(@ForAll("rules") SecurityGroupRuleSpec spec) {
        check("createSecurityGroupRule", new SecurityGroupRuleCreateRequest().securityGroupRule(spec), Map.of());
    }

    @Property(tries = TRIES)
    void performInstanceAction(@ForAll("actions") InstanceActionRequest action, @ForAll("instanceIds") String instanceId) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("instanceId", instanceId);
        check("performInstanceAction", action, parameters);
    }

    private void check(String operationId, Object body, Map<String, String> overrides) {
        Operation op = ContractModel.bundled().operation(operationId);
        ApiMethod method = ApiCalls.plain(operationId);
        Map<String, String> parameters = new HashMap<>(ContractCalls.parameterValues(op));
        parameters.putAll(overrides);
        stub.server.resetRequests();
        List<Violation> refusal = null;
        try {
            ApiCalls.invoke(client, method, ApiCalls.withBody(method, ApiCalls.arguments(method, parameters, null), body));
        } catch (RequestValidationException e) {
            refusal = e.violations();
        }
        String sent;
        if (refusal == null) {
            List<LoggedRequest> requests = stub.server.findAll(requestedFor(op.method(), urlPathMatching(op.pathRegex())));
            assertEquals(1, requests.size(), "an accepted request is sent once");
            sent = requests.get(0).getBodyAsString();
        } else {
            assertEquals(0, stub.server.findAll(requestedFor(op.method(), urlPathMatching(op.pathRegex()))).size(),
                    "a refused request is not sent");
            sent = json(body);
        }
        ValidationReport report = IndependentValidator.validate(op, parameters, sent);
        String outcome;
        if (refusal == null) {
            assertFalse(report.hasErrors(), () -> "the client accepted and sent " + sent + " but the contract rejects it:\n"
                    + IndependentValidator.describe(report));
            outcome = "accepted and valid";
        } else if (report.hasErrors()) {
            outcome = "refused and invalid";
        } else {
            List<Violation> refused = refusal;
            assertTrue(refused.stream().allMatch(v -> ruleIds.contains(v.rule())), () -> "the client refused " + sent
                    + ", which the contract's schemas accept, for " + refused);
            outcome = "refused by an x-rule only";
        }
        Statistics.label("outcome").collect(outcome);
        OUTCOMES.computeIfAbsent(operationId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    private static String json(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<InstanceCreateSpec> instances() {
        Arbitrary<List<NetworkReference>> networks = Values.mostly(
                Values.id().map(id -> new NetworkReference().id(id)).list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.just(List.of()));
        Arbitrary<List<SecurityGroupName>> groups = Values.mostly(
                Values.id().map(n -> new SecurityGroupName().name(n)).list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.just(List.of()));
        Arbitrary<InstanceRootVolumeSpec> volume = Values.optional(30, Values.diskSize().map(s -> new InstanceRootVolumeSpec().size(s)));
        return Builders.withBuilder(InstanceCreateSpec::new)
                .use(Values.instanceName()).in((s, v) -> s.name(v))
                .use(Values.id()).in((s, v) -> s.image(v))
                .use(Values.id()).in((s, v) -> s.flavor(v))
                .use(networks).in((s, v) -> s.networks(v))
                .use(Values.id()).in((s, v) -> s.availabilityZone(v))
                .use(Values.id()).in((s, v) -> s.keyName(v))
                .use(Values.count()).in((s, v) -> s.count(v))
                .use(volume).in((s, v) -> s.volume(v))
                .use(groups).in((s, v) -> s.securityGroups(v))
                .build();
    }

    @Provide
    Arbitrary<VolumeCreateSpec> volumes() {
        Arbitrary<Map<String, String>> metadata = Values.optional(50,
                Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), Values.anyText()).ofMaxSize(2));
        return Builders.withBuilder(VolumeCreateSpec::new)
                .use(Values.id()).in((s, v) -> s.name(v))
                .use(Values.optional(30, Values.anyText())).in((s, v) -> s.description(v))
                .use(Values.diskSize()).in((s, v) -> s.size(v))
                .use(Values.id()).in((s, v) -> s.availabilityZone(v))
                .use(Values.optional(10, Values.anyText())).in((s, v) -> s.volumeType(v))
                .use(metadata).in((s, v) -> s.metadata(v))
                .build();
    }

    @Provide
    Arbitrary<SecurityGroupRuleSpec> rules() {
        Arbitrary<String> optionalId = Values.optional(70, Values.id());
        Arbitrary<Integer> optionalPort = Values.optional(40, Values.port());
        return Builders.withBuilder(SecurityGroupRuleSpec::new)
                .use(Values.id()).in((s, v) -> s.securityGroupId(v))
                .use(Values.mostly(Arbitraries.of(Direction.INGRESS, Direction.EGRESS),
                        Arbitraries.just(Direction.UNKNOWN_DEFAULT_OPEN_API))).in((s, v) -> s.direction(v))
                .use(Values.optional(30, Values.mostly(Arbitraries.of(Ethertype.IPV4, Ethertype.IPV6),
                        Arbitraries.just(Ethertype.UNKNOWN_DEFAULT_OPEN_API)))).in((s, v) -> s.ethertype(v))
                .use(Values.optional(30, Values.mostly(Arbitraries.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP),
                        Arbitraries.just(Protocol.UNKNOWN_DEFAULT_OPEN_API)))).in((s, v) -> s.protocol(v))
                .use(optionalPort).in((s, v) -> s.portRangeMin(v))
                .use(optionalPort).in((s, v) -> s.portRangeMax(v))
                .use(optionalId).in((s, v) -> s.remoteGroupId(v))
                .use(Values.optional(50, Values.cidr())).in((s, v) -> s.remoteIpPrefix(v))
                .build();
    }

    @Provide
    Arbitrary<InstanceActionRequest> actions() {
        Arbitrary<RebootType> rebootType = Values.mostly(Arbitraries.of(RebootType.SOFT, RebootType.HARD),
                Arbitraries.just(RebootType.UNKNOWN_DEFAULT_OPEN_API));
        return Arbitraries.oneOf(
                Arbitraries.just(new StartAction().action(StartAction.ActionEnum.START)),
                Arbitraries.just(new StopAction().action(StopAction.ActionEnum.STOP)),
                rebootType.map(t -> new RebootAction().action(RebootAction.ActionEnum.REBOOT).parameters(new RebootParameters().type(t))),
                Values.id().map(f -> new ResizeAction().action(ResizeAction.ActionEnum.RESIZE).parameters(new ResizeParameters().flavor(f))),
                Values.id().map(n -> new UploadImageAction().action(UploadImageAction.ActionEnum.UPLOAD_IMAGE)
                        .parameters(new UploadImageParameters().name(n))),
                net.jqwik.api.Combinators.combine(Values.ipv4(), Values.ipv4()).as((a, b) -> new AddFloatingIpAction()
                        .action(AddFloatingIpAction.ActionEnum.ADD_FLOATING_IP).parameters(new AddFloatingIpParameters().address(a).ipAddress(b))),
                Values.ipv4().map(a -> new RemoveFloatingIpAction().action(RemoveFloatingIpAction.ActionEnum.REMOVE_FLOATING_IP)
                        .parameters(new RemoveFloatingIpParameters().address(a))),
                Values.id().map(n -> new AddSecurityGroupAction().action(AddSecurityGroupAction.ActionEnum.ADD_SECURITY_GROUP)
                        .parameters(new SecurityGroupActionParameters().name(n))),
                Values.id().map(n -> new RemoveSecurityGroupAction().action(RemoveSecurityGroupAction.ActionEnum.REMOVE_SECURITY_GROUP)
                        .parameters(new SecurityGroupActionParameters().name(n))));
    }

    @Provide
    Arbitrary<String> instanceIds() {
        return Arbitraries.frequency(net.jqwik.api.Tuple.of(95, "i-1"), net.jqwik.api.Tuple.of(5, ""));
    }
}
