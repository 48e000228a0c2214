package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.RawApi.fails;
import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of field constraint of the contract answers -4 (Invalid parameters), naming the
 * field and the broken rule: schema keywords, the request-only x-rules, and the x-rules that
 * need the flavor or image the request names.
 */
class ValidationTest {
    static final String LINUX_IMAGE = "5e2c3f1a-9b8d-4c7e-a6f5-4d3c2b1a0f9e";
    static final String WINDOWS_IMAGE = "8c1e6f7a-3b9d-4c0e-f1a2-b3c4d5e6f7a8";
    static final String T2_FLAVOR = "b1f4c7d2-6e3a-4f8b-9c5d-1a2b3c4d5e6f";
    static final String U2_FLAVOR = "a7e3d9c1-2b4f-4e6a-8d0c-9f1e2d3c4b5a";
    static final String NETWORK = "d1c2b3a4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    static final String POOL = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private static EmulatorHarness emulator;
    private static RawApi api;

    @BeforeAll
    static void start() {
        emulator = EmulatorHarness.onManualClock(b -> { });
        api = emulator.raw();
        ok(api.post("/keypairs", "{\"keypair\":{\"name\":\"k\",\"publicKey\":\"" + SshKeysTest.ED25519 + "\"}}"));
    }

    @AfterEach
    void verify() {
        emulator.verify();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** A valid instance create body, changed by {@code change}. */
    static String instance(Consumer<ObjectNode> change) {
        ObjectNode body = (ObjectNode) parse("{\"instance\":{\"name\":\"web-01\",\"image\":\"" + LINUX_IMAGE + "\",\"flavor\":\""
                + T2_FLAVOR + "\",\"networks\":[{\"id\":\"" + NETWORK + "\"}],\"availabilityZone\":\"kr-pub-a\","
                + "\"keyName\":\"k\",\"volume\":{\"size\":20},\"securityGroups\":[{\"name\":\"default\"}]}}");
        change.accept((ObjectNode) body.get("instance"));
        return body.toString();
    }

    static String rule(String fields) {
        return "{\"securityGroupRule\":{\"securityGroupId\":\"g\",\"direction\":\"ingress\"" + fields + "}}";
    }

    /** A volume create body with {@code fields} (and the name v unless they name it). */
    static String volume(String fields) {
        return "{\"volume\":{\"availabilityZone\":\"kr-pub-a\"" + (fields.contains("\"name\"") ? "" : ",\"name\":\"v\"")
                + fields + "}}";
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                // instance create: schema keywords
                Arguments.of("POST", "/instances", instance(i -> i.put("name", "web_01")), "instance.name", "[pattern]"),
                Arguments.of("POST", "/instances", instance(i -> i.put("name", "a234567890123456789012")), "instance.name", "[maxLength]"),
                Arguments.of("POST", "/instances", instance(i -> i.put("name", "")), "instance.name", "[minLength]"),
                Arguments.of("POST", "/instances", instance(i -> i.put("count", 0)), "instance.count", "[minimum]"),
                Arguments.of("POST", "/instances", instance(i -> i.put("count", 11)), "instance.count", "[maximum]"),
                Arguments.of("POST", "/instances", instance(i -> i.put("count", "2")), "instance.count", "[type]"),
                Arguments.of("POST", "/instances", instance(i -> i.putObject("volume").put("size", 25)), "instance.volume.size", "[multipleOf]"),
                Arguments.of("POST", "/instances", instance(i -> i.putObject("volume").put("size", 1010)), "instance.volume.size", "[maximum]"),
                Arguments.of("POST", "/instances", instance(i -> i.putArray("networks")), "instance.networks", "[minItems]"),
                Arguments.of("POST", "/instances", instance(i -> i.putArray("networks").addObject()), "instance.networks[0].id|subnetId",
                        "[networkReference.networkOrSubnet]"),
                Arguments.of("POST", "/instances", instance(i -> i.remove("securityGroups")), "instance.securityGroups", "[required]"),
                Arguments.of("POST", "/instances", instance(i -> i.put("userData", "x")), "instance.userData", "[additionalProperties]"),
                // instance create: the x-rules that need the image or the flavor
                Arguments.of("POST", "/instances", instance(i -> i.put("image", WINDOWS_IMAGE).put("name", "win-server-01")
                        .putObject("volume").put("size", 50)), "instance.name", "[instance.name.windowsMaxLength]"),
                Arguments.of("POST", "/instances", instance(i -> i.put("flavor", U2_FLAVOR)), "instance.volume",
                        "[instance.volume.forbiddenForFixedDiskFlavor]"),
                Arguments.of("POST", "/instances", instance(i -> i.remove("volume")), "instance.volume",
                        "[instance.volume.requiredForOtherFlavors]"),
                Arguments.of("POST", "/instances", instance(i -> i.putObject("volume").put("size", 10)), "instance.volume.size",
                        "[instance.volume.size.imageMinDisk]"),
                // volume create
                Arguments.of("POST", "/volumes", volume(",\"size\":15,\"volumeType\":\"\""), "volume.size", "[multipleOf]"),
                Arguments.of("POST", "/volumes", volume(",\"size\":0,\"volumeType\":\"\""), "volume.size", "[minimum]"),
                Arguments.of("POST", "/volumes", volume(",\"size\":10,\"volumeType\":5"), "volume.volumeType", "[type]"),
                Arguments.of("POST", "/volumes", volume(",\"size\":10,\"volumeType\":\"\",\"metadata\":{\"a\":1}"), "volume.metadata.a", "[type]"),
                // security group rules: schema keywords and request-only x-rules
                Arguments.of("POST", "/security-group-rules", rule(",\"protocol\":\"tcp\",\"portRangeMin\":0"), "portRangeMin", "[securityGroupRule.portRange]"),
                Arguments.of("POST", "/security-group-rules", rule(",\"protocol\":\"icmp\",\"portRangeMin\":256"), "portRangeMin",
                        "[securityGroupRule.icmpTypeCode]"),
                Arguments.of("POST", "/security-group-rules", rule(",\"protocol\":\"icmp\",\"portRangeMin\":-1"), "portRangeMin", "[minimum]"),
                Arguments.of("POST", "/security-group-rules", rule(",\"protocol\":\"tcp\",\"portRangeMax\":70000"), "portRangeMax", "[maximum]"),
                Arguments.of("POST", "/security-group-rules", rule(",\"protocol\":\"null\""), "securityGroupRule.protocol", "[enum]"),
                Arguments.of("POST", "/security-group-rules", rule(",\"ethertype\":\"IPv5\""), "securityGroupRule.ethertype", "[enum]"),
                Arguments.of("POST", "/security-group-rules", rule(",\"remoteIpPrefix\":\"anywhere\""), "securityGroupRule.remoteIpPrefix", "[pattern]"),
                Arguments.of("POST", "/security-group-rules", rule(",\"remoteIpPrefix\":\"999.999.999.999/32\""), "securityGroupRule.remoteIpPrefix", "[pattern]"),
                Arguments.of("POST", "/security-group-rules", rule(",\"ethertype\":\"IPv6\",\"remoteIpPrefix\":\":\""), "securityGroupRule.remoteIpPrefix", "[pattern]"),
                Arguments.of("POST", "/security-group-rules", rule(",\"portRangeMin\":22,\"portRangeMax\":22"), "securityGroupRule.protocol",
                        "[securityGroupRule.protocolRequiredWithPorts]"),
                Arguments.of("POST", "/security-group-rules", rule(",\"remoteGroupId\":\"g2\",\"remoteIpPrefix\":\"0.0.0.0/0\""),
                        "securityGroupRule.remoteGroupId+remoteIpPrefix", "[securityGroupRule.remoteExclusive]"),
                Arguments.of("POST", "/security-group-rules", rule(",\"protocol\":\"tcp\",\"portRangeMin\":443,\"portRangeMax\":80"),
                        "securityGroupRule.portRangeMin", "[securityGroupRule.portRangeOrder]"),
                // instance actions
                Arguments.of("POST", "/instances/any/action", "{\"action\":\"pause\"}", "action", "[enum]"),
                Arguments.of("POST", "/instances/any/action", "{\"action\":\"start\",\"parameters\":{\"type\":\"SOFT\"}}", "parameters", "[maxProperties]"),
                Arguments.of("POST", "/instances/any/action", "{\"action\":\"reboot\",\"parameters\":{\"type\":\"SOFTLY\"}}", "type", "enum"),
                Arguments.of("POST", "/instances/any/action", "{\"action\":\"addFloatingIp\",\"parameters\":{\"address\":\"1.2.3\",\"ipAddress\":\"10.0.0.1\"}}",
                        "address", "format"),
                Arguments.of("POST", "/instances/any/action", "{\"action\":\"uploadImage\"}", "", "required"),
                // other bodies
                Arguments.of("POST", "/keypairs", "{\"keypair\":{\"name\":\"\"}}", "keypair.name", "[minLength]"),
                Arguments.of("POST", "/security-groups", "{\"securityGroup\":{\"description\":\"no name\"}}", "securityGroup.name", "[required]"),
                Arguments.of("PUT", "/security-groups/any", "{\"securityGroup\":{\"name\":\"x\",\"rules\":[]}}", "securityGroup.rules",
                        "[additionalProperties]"),
                Arguments.of("POST", "/floating-ips", "{\"pool\":{}}", "pool.id", "[required]"),
                Arguments.of("POST", "/instances/any/attachments", "{\"attachment\":{\"volumeId\":\"\"}}", "attachment.volumeId", "[minLength]"),
                Arguments.of("POST", "/tokens", "{\"auth\":{\"username\":\"user@example.com\"}}", "auth.password", "[required]"),
                Arguments.of("POST", "/instances", "[]", "(body)", "[type]"),
                // query parameters
                Arguments.of("DELETE", "/instances", null, "id is a required query parameter", "[required]"),
                Arguments.of("GET", "/instances?id=", null, "id", "[minLength]"),
                Arguments.of("DELETE", "/instances/any/attachments", null, "volumeId", "[required]"),
                Arguments.of("DELETE", "/keypairs", null, "name", "[required]"));
    }

    @ParameterizedTest(name = "{0} {1} {3} {4}")
    @MethodSource("invalidRequests")
    void aBrokenConstraintAnswersInvalidParametersNamingFieldAndRule(String method, String path, String body, String field,
            String rule) {
        String message = fails(-4, api.send(method, path, body));
        assertTrue(message.startsWith("Invalid parameters : "), message);
        assertTrue(message.contains(field) && message.contains(rule), () -> "expected " + field + " " + rule + " in: " + message);
    }

    @Test
    void theSameRequestsWithinTheConstraintsAreAccepted() {
        ok(api.post("/instances", instance(i -> { })));
        ok(api.post("/instances", instance(i -> i.put("image", WINDOWS_IMAGE).put("name", "win-server1")
                .putObject("volume").put("size", 50))));
        ok(api.post("/instances", instance(i -> i.put("flavor", U2_FLAVOR).remove("volume"))));
        ok(api.post("/volumes", volume(",\"size\":10,\"volumeType\":\"\",\"metadata\":{\"a\":\"1\"}")));
    }

    /** Later revisions: a network by its subnet, an SSD root disk; an unknown subnet is 20004. */
    @Test
    void anInstanceCanBeConnectedByItsSubnet() {
        String subnet = "e2d3c4b5-f6a7-4b8c-9d0e-1f2a3b4c5d6e";
        ok(api.post("/instances", instance(i -> {
            i.putArray("networks").addObject().put("subnetId", subnet);
            i.putObject("volume").put("size", 20).put("type", "General SSD");
        })));
        ok(api.post("/instances", instance(i -> i.putArray("networks").addObject().put("id", NETWORK).put("subnetId", subnet))));
        fails(20004, api.post("/instances", instance(i -> i.putArray("networks").addObject().put("subnetId", "no-such-subnet"))));
    }

    @Test
    void aValueOutsideTheContractButNotOfTheEmulatorsCatalogIsAlsoInvalid() {
        String message = fails(-4, api.post("/instances", instance(i -> i.put("availabilityZone", "kr-pub-z"))));
        assertTrue(message.contains("instance.availabilityZone"), message);
        fails(-4, api.post("/volumes", volume(",\"size\":10,\"volumeType\":\"ssd\"")));
        fails(-4, api.post("/keypairs", "{\"keypair\":{\"name\":\"bad\",\"publicKey\":\"not a key\"}}"));
    }

    static JsonNode parse(String json) {
        try {
            return RawApi.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
