package io.toastcloud.compute.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.contracttests.prism.PrismEndpoint;
import io.toastcloud.compute.contracttests.prism.PrismExtension;
import io.toastcloud.compute.contracttests.support.RawPrism;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What issue 14 mended, sent raw to Prism: the requests the 2017 guide allows and the contract
 * refused before are accepted, and Prism still validates the bodies they are in
 * ({@link RuleCases} has the refusals: protocol-null-still-validated, start-parameters-empty,
 * icmp-type-code, port-range-field-minimum).
 */
@ExtendWith(PrismExtension.class)
class MendedDecisionsPrismTest {
    private static RawPrism raw;

    @BeforeAll
    static void connect(PrismEndpoint endpoint) {
        raw = new RawPrism(endpoint);
    }

    private static void accepted(String method, String operationId, String query, String body) {
        RawPrism.Answer answer = raw.send(method, RuleCases.path(operationId) + query, body, true);
        assertEquals(200, answer.status(), operationId + ": " + answer.body());
        assertTrue(answer.json().at("/header/isSuccessful").asBoolean(), answer.body());
    }

    @Test
    void aRuleWithProtocolNullIsAccepted() {
        accepted("POST", "createSecurityGroupRule", "", "{\"securityGroupRule\":{\"securityGroupId\":\"g\","
                + "\"direction\":\"egress\",\"protocol\":null}}");
    }

    @Test
    void aBodyWithProtocolNullIsStillValidatedWhole() {
        RawPrism.Answer answer = raw.send("POST", RuleCases.path("createSecurityGroupRule"),
                "{\"securityGroupRule\":{\"protocol\":null}}", true);
        assertEquals(422, answer.status(), "the missing direction and securityGroupId: " + answer.body());
        assertTrue(answer.violations().toString().contains("required"), answer.violations().toString());
    }

    @Test
    void icmpTimeExceededAndPingAreAccepted() {
        accepted("POST", "createSecurityGroupRule", "", "{\"securityGroupRule\":{\"securityGroupId\":\"g\","
                + "\"direction\":\"ingress\",\"protocol\":\"icmp\",\"portRangeMin\":11,\"portRangeMax\":1}}");
        accepted("POST", "createSecurityGroupRule", "", "{\"securityGroupRule\":{\"securityGroupId\":\"g\","
                + "\"direction\":\"ingress\",\"protocol\":\"icmp\",\"portRangeMin\":8,\"portRangeMax\":0}}");
    }

    @Test
    void startAndStopWithEmptyParametersAreAccepted() {
        accepted("POST", "performInstanceAction", "", "{\"action\":\"start\",\"parameters\":{}}");
        accepted("POST", "performInstanceAction", "", "{\"action\":\"stop\",\"parameters\":{}}");
    }

    @Test
    void imagesArePagedAndDeleted() {
        accepted("GET", "listImages", "?limit=1&marker=" + ExampleIds.PUBLIC_IMAGE, null);
        accepted("DELETE", "deleteImage", "?id=" + ExampleIds.IMAGE, null);
        assertEquals(422, raw.send("GET", RuleCases.path("listImages") + "?limit=0", null, true).status(), "limit >= 1");
        assertEquals(422, raw.send("DELETE", RuleCases.path("deleteImage"), null, true).status(), "id is required");
    }
}
