package io.toastcloud.compute.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.client.error.AuthenticationException;
import io.toastcloud.compute.contracttests.prism.PrismEndpoint;
import io.toastcloud.compute.contracttests.prism.PrismExtension;
import io.toastcloud.compute.contracttests.support.ContractDocument;
import io.toastcloud.compute.contracttests.support.PreferExample;
import io.toastcloud.compute.contracttests.support.PrismClient;
import io.toastcloud.compute.contracttests.support.SentRequests;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runtime's token layer against Prism: the token it sends is the one {@code issueToken}
 * answered with, and a failed issue stops the call that needed it.
 */
@ExtendWith(PrismExtension.class)
class TokenContractTest {
    private static final ContractDocument CONTRACT = ContractDocument.bundled();

    @Test
    void sendsTheTokenTheIssueAnswered(PrismEndpoint endpoint) {
        String issued = CONTRACT.operation("issueToken").responseExample("success").at("/access/token/id").asText();
        try (PrismClient prism = PrismClient.connect(endpoint)) {
            prism.client().api(FlavorApi.class).listFlavors();

            List<SentRequests.Sent> sent = prism.sent().all();
            assertEquals(List.of("issueToken", "listFlavors"), sent.stream().map(SentRequests.Sent::operationId).toList());
            assertTrue(!sent.get(0).hasHeader("X-Auth-Token"), "issueToken goes without a token");
            assertEquals(List.of(issued), List.copyOf(sent.get(1).headers().get("X-Auth-Token")));
            assertEquals(1, prism.client().tokenManager().issueCount());
        }
    }

    @Test
    void aFailedIssueStopsTheCallThatNeededIt(PrismEndpoint endpoint) throws Throwable {
        JsonNode header = CONTRACT.operation("issueToken").responseExample("authenticationFailed").path("header");
        try (PrismClient prism = PrismClient.connect(endpoint)) {
            AuthenticationException failed = assertThrows(AuthenticationException.class, () -> PreferExample.with(
                    "issueToken", "authenticationFailed", () -> prism.client().api(FlavorApi.class).listFlavors()));

            assertEquals("issueToken", failed.operation());
            assertEquals(header.path("resultCode").asInt(), failed.resultCode());
            assertEquals(header.path("resultMessage").asText(), failed.resultMessage());
            assertEquals(List.of("issueToken"), prism.sent().all().stream().map(SentRequests.Sent::operationId).toList(),
                    "listFlavors is not sent without a token");
        }
    }
}
