package io.toastcloud.compute.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.benchmarks.contenders.ClientContender;
import io.toastcloud.compute.benchmarks.contenders.ContenderKind;
import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.benchmarks.server.CannedServer;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.model.FlavorListResponse;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateResponse;
import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceDetailListResponse;
import io.toastcloud.compute.model.InstanceStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each benchmark method, run once outside JMH: every contender must get the right decoded answer
 * for every case, send what the case says (a body, a token, one renewal per call), and reuse its
 * connections, or its timing would not mean what the report says it means.
 */
class BenchmarkSmokeTest {

    @ParameterizedTest
    @EnumSource(ContenderKind.class)
    void everyCaseAnswersCorrectlyForEveryContender(ContenderKind kind) throws Exception {
        CallBenchmark bench = new CallBenchmark();
        bench.contender = kind;
        bench.setUp();
        try {
            CannedServer server = bench.endpoint().localServer();

            FlavorListResponse flavors = bench.smallResponse();
            assertEquals(2, flavors.getFlavors().size());
            assertEquals("t2.c1m1", flavors.getFlavors().get(0).getName());
            assertEquals(0L, server.unauthenticated("listFlavors"), "the token was sent");

            InstanceDetailListResponse details = bench.largeResponse();
            List<InstanceDetail> instances = details.getInstances();
            assertEquals(CannedResponses.LARGE_INSTANCE_COUNT, instances.size());
            Set<String> ids = new HashSet<>();
            instances.forEach(i -> ids.add(i.getId()));
            assertEquals(CannedResponses.LARGE_INSTANCE_COUNT, ids.size(), "distinct ids");
            assertEquals(InstanceStatus.ACTIVE, instances.get(499).getStatus());

            InstanceCreateResponse created = bench.create();
            assertEquals(InstanceStatus.BUILD, created.getInstance().getStatus());
            InstanceCreateRequest sent = ToastComputeClient.objectMapper().readValue(
                    CannedResponses.fromBundledContract().createRequest(), InstanceCreateRequest.class);
            assertEquals(ToastComputeClient.objectMapper().writeValueAsBytes(sent).length,
                    server.lastBodyLength("createInstance"), "the whole body reached the server");

            long issuedBefore = server.requests("issueToken");
            for (int i = 0; i < 3; i++) {
                assertEquals(2, bench.tokenRenewal().getFlavors().size());
            }
            assertEquals(3, server.requests("issueToken") - issuedBefore, "one token issued per renewal call");
            if (bench.subject() instanceof ClientContender client) {
                assertEquals(1, client.steadyIssues(), "the steady client keeps its token");
                assertTrue(client.renewals() >= 3);
            }

            assertEquals(2, bench.smallResponseFourThreads().getFlavors().size());

            long connectionsBefore = server.connectionsAccepted();
            for (int i = 0; i < 20; i++) {
                bench.smallResponse();
                bench.create();
                bench.largeResponse();
            }
            // Not one connection per call (60 here); a pool may still replace the odd connection.
            assertTrue(server.connectionsAccepted() - connectionsBefore <= 6,
                    "connections are kept alive (new connections: " + (server.connectionsAccepted() - connectionsBefore) + ")");
            assertEquals(0L, server.unauthenticated("listFlavors") + server.unauthenticated("createInstance")
                    + server.unauthenticated("listInstanceDetails"), "every authenticated call carried a token");
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void decodersReturnTheSameModels() throws Exception {
        for (String body : List.of("large", "small")) {
            DecodeBenchmark bench = new DecodeBenchmark();
            bench.body = body;
            bench.setUp();
            Object viaReader = bench.feignJacksonDecoder();
            Object viaBytes = bench.envelopeDecoder();
            Object floor = bench.jacksonOnBytes();
            assertEquals(floor, viaReader);
            assertEquals(floor, viaBytes);
            if ("large".equals(body)) {
                assertInstanceOf(InstanceDetailListResponse.class, viaBytes);
                assertEquals(CannedResponses.LARGE_INSTANCE_COUNT, ((InstanceDetailListResponse) viaBytes).getInstances().size());
            } else {
                assertInstanceOf(FlavorListResponse.class, viaBytes);
            }
        }
    }

    @Test
    void validationOfTheBenchmarkRequestsFindsNothing() throws Exception {
        ValidationBenchmark bench = new ValidationBenchmark();
        bench.setUp();
        assertEquals(List.of(), bench.validateCreate());
        assertEquals(List.of(), bench.validateListFlavors());
        assertEquals(List.of(), bench.validateIssueToken());
        assertTrue(bench.encodeCreate().length > 100);
    }

    @Test
    void aFreshClientAnswersItsFirstCall() {
        ClientLifecycleBenchmark bench = new ClientLifecycleBenchmark();
        bench.setUp();
        try {
            assertEquals(CannedResponses.APPKEY, bench.buildAndClose());
            assertEquals(2, bench.buildCallAndClose().getFlavors().size());
            assertEquals(1L, bench.endpointForTests().localServer().requests("issueToken"), "a fresh client issues its token");
        } finally {
            bench.tearDown();
        }
    }
}
