package io.toastcloud.compute.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.InstanceActionApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.contracttests.RuleCase.ClientCannotSend;
import io.toastcloud.compute.contracttests.RuleCase.ClientRefuses;
import io.toastcloud.compute.contracttests.RuleCase.PrismAccepts;
import io.toastcloud.compute.contracttests.RuleCase.PrismRefuses;
import io.toastcloud.compute.contracttests.RuleCase.RawRequest;
import io.toastcloud.compute.contracttests.support.ContractDocument;
import io.toastcloud.compute.contracttests.support.PrismClient;
import io.toastcloud.compute.model.InstanceActionRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The documented rules, each with one request that breaks only it. Body rules start from one of
 * the contract's own request examples and change one value, so the same bad JSON goes through
 * the client (decoded into the generated model, as a user would build it) and raw to Prism.
 *
 * <p>What Prism does is what Prism 5.14.2 was seen to do, asserted exactly: where it accepts a
 * bad request, the reason is stated: cross-field {@code x-rules} are not JSON Schema. (Prism serves
 * the contract as {@code PrismCompatibleContract} makes it: {@code Protocol} lists {@code null} in
 * its enum, which made Prism skip validating the whole body, stoplightio/prism#1931; the
 * {@code protocol-null-still-validated} case proves it is validated; spec/DECISIONS.md D7.)
 */
final class RuleCases {
    private static final ContractDocument CONTRACT = ContractDocument.bundled();
    private static final String X_RULE = "a cross-field x-rule: JSON Schema cannot say it, so Prism cannot check it";

    static final List<RuleCase> ALL = List.of(
            // Instance name: 1 to 20 characters, letters, digits, '-' and '.'
            body("instance-name-length", "an instance name has at most 20 characters",
                    "createInstance", "linuxWithRootVolume", "/instance/name", text("web-server-production-01"),
                    List.of("instance.name maxLength"), unprocessable("body.instance.name maxLength")),
            body("instance-name-empty", "an instance name has at least 1 character",
                    "createInstance", "linuxWithRootVolume", "/instance/name", text(""),
                    List.of("instance.name minLength"), unprocessable("body.instance.name minLength")),
            body("instance-name-characters", "an instance name has only letters, digits, '-' and '.'",
                    "createInstance", "linuxWithRootVolume", "/instance/name", text("web_01"),
                    List.of("instance.name pattern"), unprocessable("body.instance.name pattern")),
            // count: 1 to 10
            body("instance-count-minimum", "count is at least 1",
                    "createInstance", "linuxWithRootVolume", "/instance/count", number(0),
                    List.of("instance.count minimum"), unprocessable("body.instance.count minimum")),
            body("instance-count-maximum", "count is at most 10",
                    "createInstance", "linuxWithRootVolume", "/instance/count", number(11),
                    List.of("instance.count maximum"), unprocessable("body.instance.count maximum")),
            // root volume: 10 to 1000 GB in steps of 10
            body("root-volume-size-minimum", "a root volume has at least 10 GB",
                    "createInstance", "linuxWithRootVolume", "/instance/volume/size", number(0),
                    List.of("instance.volume.size minimum"), unprocessable("body.instance.volume.size minimum")),
            body("root-volume-size-maximum", "a root volume has at most 1000 GB",
                    "createInstance", "linuxWithRootVolume", "/instance/volume/size", number(1010),
                    List.of("instance.volume.size maximum"), unprocessable("body.instance.volume.size maximum")),
            body("root-volume-size-step", "a root volume's size is a multiple of 10 GB",
                    "createInstance", "linuxWithRootVolume", "/instance/volume/size", number(55),
                    List.of("instance.volume.size multipleOf"), unprocessable("body.instance.volume.size multipleOf")),
            // block storage: 10 to 1000 GB in steps of 10
            body("volume-size-minimum", "a block storage volume has at least 10 GB",
                    "createVolume", "dataDisk", "/volume/size", number(0),
                    List.of("volume.size minimum"), unprocessable("body.volume.size minimum")),
            body("volume-size-maximum", "a block storage volume has at most 1000 GB",
                    "createVolume", "dataDisk", "/volume/size", number(1010),
                    List.of("volume.size maximum"), unprocessable("body.volume.size maximum")),
            body("volume-size-step", "a block storage volume's size is a multiple of 10 GB",
                    "createVolume", "dataDisk", "/volume/size", number(105),
                    List.of("volume.size multipleOf"), unprocessable("body.volume.size multipleOf")),
            // security group rule ports: 1 to 65535 for tcp and udp; ICMP type and code 0 to 255
            body("port-minimum", "a tcp or udp port is at least 1 (0 is an ICMP type or code)",
                    "createSecurityGroupRule", "httpsFromAnywhere", "/securityGroupRule/portRangeMin", number(0),
                    List.of("securityGroupRule.portRangeMin securityGroupRule.portRange"), new PrismAccepts(X_RULE)),
            body("port-range-field-minimum", "portRangeMin is never negative, whatever the protocol",
                    "createSecurityGroupRule", "pingFromAnywhere", "/securityGroupRule/portRangeMin", number(-1),
                    List.of("securityGroupRule.portRangeMin minimum"), unprocessable("body.securityGroupRule.portRangeMin minimum")),
            body("icmp-type-code", "an ICMP type (portRangeMin) or code (portRangeMax) is at most 255",
                    "createSecurityGroupRule", "pingFromAnywhere", "/securityGroupRule/portRangeMin", number(256),
                    List.of("securityGroupRule.portRangeMin securityGroupRule.icmpTypeCode"), new PrismAccepts(X_RULE)),
            // protocol null (any protocol, as the guide writes it): the rest of the body is still checked, by Prism too
            body("protocol-null-still-validated", "with protocol null, the direction is still ingress or egress",
                    "createSecurityGroupRule", "anyProtocolNull", "/securityGroupRule/direction", text("sideways"),
                    List.of("securityGroupRule.direction enum"), unprocessable("body.securityGroupRule.direction enum")),
            body("port-maximum", "a port is at most 65535",
                    "createSecurityGroupRule", "httpsFromAnywhere", "/securityGroupRule/portRangeMax", number(65536),
                    List.of("securityGroupRule.portRangeMax maximum"), unprocessable("body.securityGroupRule.portRangeMax maximum")),
            body("remote-ip-prefix-format", "remoteIpPrefix is an IPv4 or IPv6 CIDR",
                    "createSecurityGroupRule", "httpsFromAnywhere", "/securityGroupRule/remoteIpPrefix", text("0.0.0.0/33"),
                    List.of("securityGroupRule.remoteIpPrefix pattern"), unprocessable("body.securityGroupRule.remoteIpPrefix pattern")),
            // issue 12, item 11: the pattern checked only the shape (digits and dots, or a colon)
            body("remote-ip-prefix-octets", "an IPv4 CIDR's octets are 0 to 255",
                    "createSecurityGroupRule", "httpsFromAnywhere", "/securityGroupRule/remoteIpPrefix", text("999.999.999.999/32"),
                    List.of("securityGroupRule.remoteIpPrefix pattern"), unprocessable("body.securityGroupRule.remoteIpPrefix pattern")),
            body("remote-ip-prefix-ipv6", "an IPv6 CIDR is an IPv6 address, not any run of colons and digits",
                    "createSecurityGroupRule", "httpsFromAnywhere", "/securityGroupRule/remoteIpPrefix", text(":"),
                    List.of("securityGroupRule.remoteIpPrefix pattern"), unprocessable("body.securityGroupRule.remoteIpPrefix pattern")),
            // security group rule x-rules
            body("port-range-without-protocol", "a port range needs a protocol",
                    "createSecurityGroupRule", "httpsFromAnywhere", "/securityGroupRule/protocol", null,
                    List.of("securityGroupRule.protocol securityGroupRule.protocolRequiredWithPorts"),
                    new PrismAccepts(X_RULE)),
            body("remote-group-with-ip-prefix", "remoteGroupId and remoteIpPrefix exclude each other",
                    "createSecurityGroupRule", "sshFromGroup", "/securityGroupRule/remoteIpPrefix", text("10.0.0.0/24"),
                    List.of("securityGroupRule.remoteGroupId+remoteIpPrefix securityGroupRule.remoteExclusive"),
                    new PrismAccepts(X_RULE)),
            body("port-range-order", "for tcp and udp, portRangeMin is not greater than portRangeMax",
                    "createSecurityGroupRule", "httpsFromAnywhere", "/securityGroupRule/portRangeMin", number(8443),
                    List.of("securityGroupRule.portRangeMin securityGroupRule.portRangeOrder"),
                    new PrismAccepts(X_RULE)),
            // a network by id or by subnet id (later revisions): at least one
            body("network-or-subnet", "a network reference names the network, its subnet, or both",
                    "createInstance", "subnetAndSsdRoot", "/instance/networks/0/subnetId", null,
                    List.of("instance.networks[0].id|subnetId networkReference.networkOrSubnet"), new PrismAccepts(X_RULE)),
            // instance actions
            new RuleCase("start-parameters-empty", "start takes no parameters: an empty object at most",
                    new RawRequest("POST", path("performInstanceAction"), "{\"action\":\"start\",\"parameters\":{\"type\":\"SOFT\"}}", true),
                    new ClientRefuses("performInstanceAction", List.of("parameters maxProperties"),
                            t -> t.api(InstanceActionApi.class).performInstanceAction(ExampleIds.INSTANCE, OperationCalls.decode(
                                    parse("{\"action\":\"start\",\"parameters\":{\"type\":\"SOFT\"}}"), InstanceActionRequest.class))),
                    unprocessable("body oneOf")),
            body("reboot-type", "a reboot is SOFT or HARD",
                    "performInstanceAction", "reboot", "/parameters/type", text("MEDIUM"),
                    List.of("parameters.type enum"), unprocessable("body.parameters.type enum")),
            body("floating-ip-address-format", "a floating IP address is an IPv4 address",
                    "performInstanceAction", "addFloatingIp", "/parameters/address", text("133.186.150"),
                    List.of("parameters.address format"), unprocessable("body.parameters.address format")),
            new RuleCase("unknown-action", "the action is one of the nine actions",
                    new RawRequest("POST", path("performInstanceAction"), "{\"action\":\"suspend\"}", true),
                    new ClientRefuses("performInstanceAction", List.of("action enum"),
                            t -> t.api(InstanceActionApi.class).performInstanceAction(ExampleIds.INSTANCE, new SuspendAction())),
                    unprocessable("body oneOf", "body.action enum")),
            // query parameters
            new RuleCase("required-query-parameter", "a required query parameter (the id to delete) is present",
                    new RawRequest("DELETE", path("deleteInstance"), null, true),
                    new ClientRefuses("deleteInstance", List.of("id required"),
                            t -> t.api(InstanceApi.class).deleteInstance(null)),
                    unprocessable("query required")),
            new RuleCase("required-query-parameter-empty", "an id is at least 1 character",
                    new RawRequest("DELETE", path("deleteInstance") + "?id=", null, true),
                    new ClientRefuses("deleteInstance", List.of("id minLength"),
                            t -> t.api(InstanceApi.class).deleteInstance("")),
                    // Prism takes an empty query value for no value: it reports the required parameter as missing
                    unprocessable("query required")),
            new RuleCase("optional-filter-empty", "an id filter, when given, is at least 1 character",
                    new RawRequest("GET", path("listInstances") + "?id=", null, true),
                    new ClientRefuses("listInstances", List.of("id minLength"),
                            t -> t.api(InstanceApi.class).listInstances("")),
                    new PrismAccepts("Prism takes an empty query value for no value, and the filter is optional")),
            // transport-level rules
            new RuleCase("missing-token", "every operation but issueToken sends X-Auth-Token",
                    new RawRequest("GET", path("listFlavors"), null, false),
                    new ClientCannotSend("the client adds X-Auth-Token to every operation the contract secures; "
                            + "there is no way to leave it out", RuleCases::sendsToken),
                    new PrismRefuses(401, List.of(), "UNAUTHORIZED")),
            new RuleCase("malformed-json", "a request body is JSON",
                    new RawRequest("POST", path("createVolume"), "{\"volume\": {\"name\": \"data-01\", \"size\": 100,}", true),
                    new ClientCannotSend("the client writes bodies with Jackson from the generated models; "
                            + "it cannot write malformed JSON", RuleCases::sendsJson),
                    new PrismRefuses(400, List.of(), "invalid_json")));

    private RuleCases() {
    }

    /** An action the contract does not have (OpenStack's suspend), as a client-side model would write it. */
    @JsonTypeName("suspend")
    static final class SuspendAction implements InstanceActionRequest {
        @Override
        public Object getAction() {
            return "suspend";
        }
    }

    private static RuleCase body(String id, String rule, String operationId, String example, String pointer,
            JsonNode value, List<String> clientViolations, RuleCase.PrismSide prism) {
        JsonNode bad = change(CONTRACT.operation(operationId).requestExamples().get(example), pointer, value);
        OperationCalls.Call call = OperationCalls.BY_OPERATION.get(operationId);
        String method = CONTRACT.operation(operationId).method();
        return new RuleCase(id, rule, new RawRequest(method, path(operationId), json(bad), true),
                new ClientRefuses(operationId, clientViolations, t -> call.invoke(t, bad)), prism);
    }

    private static JsonNode parse(String json) {
        try {
            return ToastComputeClient.objectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrismRefuses unprocessable(String... violations) {
        return PrismRefuses.unprocessable(violations);
    }

    /** The request example with one value replaced, or removed when {@code value} is null. */
    private static JsonNode change(JsonNode example, String pointer, JsonNode value) {
        if (example == null) {
            throw new IllegalArgumentException("no such request example");
        }
        JsonNode copy = example.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        if (!(parent instanceof ObjectNode object)) {
            throw new IllegalArgumentException(pointer + " is not inside an object of the example");
        }
        String name = pointer.substring(slash + 1);
        if (value == null) {
            if (object.remove(name) == null) {
                throw new IllegalArgumentException(pointer + " is not in the example");
            }
        } else {
            object.set(name, value);
        }
        return copy;
    }

    /** The operation's path with the example ids in it. */
    static String path(String operationId) {
        Map<String, String> values = Map.of("{appkey}", PrismClient.APPKEY, "{instanceId}", ExampleIds.INSTANCE,
                "{securityGroupId}", ExampleIds.SECURITY_GROUP);
        String path = CONTRACT.operation(operationId).path();
        for (var e : values.entrySet()) {
            path = path.replace(e.getKey(), e.getValue());
        }
        return path;
    }

    private static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }

    private static JsonNode number(int value) {
        return IntNode.valueOf(value);
    }

    private static String json(JsonNode node) {
        try {
            return ToastComputeClient.objectMapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sendsToken(PrismClient prism) {
        prism.client().api(FlavorApi.class).listFlavors();
        assertTrue(prism.sent().last().hasHeader("X-Auth-Token"), "listFlavors went out with X-Auth-Token");
    }

    private static void sendsJson(PrismClient prism) {
        JsonNode example = CONTRACT.operation("createVolume").requestExamples().get("dataDisk");
        OperationCalls.BY_OPERATION.get("createVolume").invoke(prism.client(), example);
        try {
            JsonNode sent = ToastComputeClient.objectMapper().readTree(prism.sent().last().body());
            assertEquals("createVolume", prism.sent().last().operationId());
            assertTrue(sent.isObject(), "the body the client sent is a JSON object");
        } catch (IOException e) {
            throw new AssertionError("the client sent a body that is not JSON", e);
        }
    }
}
