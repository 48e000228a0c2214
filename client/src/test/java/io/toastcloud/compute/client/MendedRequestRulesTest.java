package io.toastcloud.compute.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.RequestValidator;
import io.toastcloud.compute.contract.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request rules issue 14 mended, as the client (and the emulator, which uses the same
 * validator) enforce them from the bundled contract. Each refused-today case is named.
 */
class MendedRequestRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestValidator VALIDATOR = RequestValidator.of(Contract.bundled());

    private static List<Violation> rule(String fields) throws Exception {
        JsonNode body = JSON.readTree("{\"securityGroupRule\":{\"securityGroupId\":\"sg\",\"direction\":\"ingress\"," + fields + "}}");
        return VALIDATOR.validateBody("SecurityGroupRuleCreateRequest", body);
    }

    private static List<String> rules(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.rule()).toList();
    }

    @Test
    void icmpTimeExceededAndPingAreAccepted() throws Exception {
        assertEquals(List.of(), rules(rule("\"protocol\":\"icmp\",\"portRangeMin\":11,\"portRangeMax\":1")), "type 11 code 1");
        assertEquals(List.of(), rules(rule("\"protocol\":\"icmp\",\"portRangeMin\":8,\"portRangeMax\":0")), "ping, code 0");
        assertEquals(List.of(), rules(rule("\"protocol\":\"icmp\",\"portRangeMin\":0,\"portRangeMax\":0")), "echo reply");
    }

    @Test
    void icmpTypeAndCodeStopAt255() throws Exception {
        assertEquals(List.of("securityGroupRule.portRangeMin securityGroupRule.icmpTypeCode"),
                rules(rule("\"protocol\":\"icmp\",\"portRangeMin\":256,\"portRangeMax\":0")));
    }

    @Test
    void tcpAndUdpKeepPortsFromOneAndTheOrder() throws Exception {
        assertEquals(List.of("securityGroupRule.portRangeMin securityGroupRule.portRangeOrder"),
                rules(rule("\"protocol\":\"udp\",\"portRangeMin\":11,\"portRangeMax\":1")));
        assertEquals(List.of("securityGroupRule.portRangeMax securityGroupRule.portRange"),
                rules(rule("\"protocol\":\"tcp\",\"portRangeMin\":0,\"portRangeMax\":0")).subList(1, 2));
    }

    @Test
    void protocolNullMeansAnyAndStillNeedsNoPorts() throws Exception {
        assertEquals(List.of(), rules(rule("\"protocol\":null,\"remoteIpPrefix\":\"0.0.0.0/0\"")));
        assertTrue(rules(rule("\"protocol\":null,\"portRangeMin\":22")).contains(
                "securityGroupRule.protocol securityGroupRule.protocolRequiredWithPorts"));
    }

    @Test
    void startAndStopAcceptEmptyParametersOnly() throws Exception {
        for (String action : List.of("start", "stop")) {
            assertEquals(List.of(), VALIDATOR.validateBody("InstanceActionRequest",
                    JSON.readTree("{\"action\":\"" + action + "\",\"parameters\":{}}")), action);
            assertTrue(!VALIDATOR.validateBody("InstanceActionRequest",
                    JSON.readTree("{\"action\":\"" + action + "\",\"parameters\":{\"type\":\"SOFT\"}}")).isEmpty(), action);
        }
    }

    @Test
    void aSecurityGroupByNameRefusesUnknownProperties() throws Exception {
        JsonNode body = JSON.readTree("{\"action\":\"addSecurityGroup\",\"parameters\":{\"name\":\"web\"}}");
        assertEquals(List.of(), VALIDATOR.validateBody("InstanceActionRequest", body));
        JsonNode create = JSON.readTree("{\"instance\":{\"name\":\"a\",\"image\":\"i\",\"flavor\":\"f\",\"networks\":[{\"id\":\"n\"}],"
                + "\"availabilityZone\":\"z\",\"keyName\":\"k\",\"securityGroups\":[{\"name\":\"default\",\"nmae\":\"x\"}]}}");
        assertTrue(rules(VALIDATOR.validateBody("InstanceCreateRequest", create)).stream()
                .anyMatch(r -> r.startsWith("instance.securityGroups[0].nmae")), rules(VALIDATOR.validateBody("InstanceCreateRequest", create)).toString());
    }

    @Test
    void aNetworkNeedsAnIdOrASubnetId() throws Exception {
        String base = "{\"instance\":{\"name\":\"a\",\"image\":\"i\",\"flavor\":\"f\",\"availabilityZone\":\"z\",\"keyName\":\"k\","
                + "\"securityGroups\":[{\"name\":\"default\"}],\"networks\":[";
        assertEquals(List.of(), VALIDATOR.validateBody("InstanceCreateRequest", JSON.readTree(base + "{\"subnetId\":\"s\"}]}}")));
        assertEquals(List.of("instance.networks[0].id|subnetId networkReference.networkOrSubnet"),
                rules(VALIDATOR.validateBody("InstanceCreateRequest", JSON.readTree(base + "{}]}}"))));
    }
}
