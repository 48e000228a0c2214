package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.SecurityGroupRuleApi;
import io.toastcloud.compute.client.error.RequestValidationException;
import io.toastcloud.compute.client.resource.FixedIpAddress;
import io.toastcloud.compute.client.resource.FloatingIpAddress;
import io.toastcloud.compute.client.resource.InstanceId;
import io.toastcloud.compute.contract.Violation;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceRootVolumeSpec;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.SecurityGroupName;
import io.toastcloud.compute.model.SecurityGroupRuleCreateRequest;
import io.toastcloud.compute.model.SecurityGroupRuleSpec;
import io.toastcloud.compute.model.Direction;
import io.toastcloud.compute.model.Protocol;
import io.toastcloud.compute.model.RebootType;
import io.toastcloud.compute.model.VolumeCreateRequest;
import io.toastcloud.compute.model.VolumeCreateSpec;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Requests that break the contract are refused before anything is sent, with every broken rule
 * named by field and rule. The rules come from the bundled contract, not from this client.
 */
class ValidationTest {
    private StubService stub;
    private ToastComputeClient client;

    @BeforeEach
    void start() {
        stub = new StubService();
        stub.issuesToken("token-1");
        client = stub.client();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private List<Violation> refused(Executable call) {
        RequestValidationException e = assertThrows(RequestValidationException.class, call);
        assertEquals(0, stub.server.findAll(anyRequestedFor(anyUrl())).size(), "nothing may be sent, not even a token request");
        return e.violations();
    }

    private static void has(List<Violation> violations, String field, String rule) {
        assertTrue(violations.stream().anyMatch(v -> v.field().equals(field) && v.rule().equals(rule)),
                "expected " + field + " [" + rule + "] in " + violations);
    }

    private static InstanceCreateRequest instance(Consumer<InstanceCreateSpec> change) {
        InstanceCreateSpec spec = new InstanceCreateSpec().name("web-01").image("img").flavor("flv")
                .networks(List.of(new NetworkReference().id("net"))).availabilityZone("kr-pub-a").keyName("key")
                .count(1).volume(new InstanceRootVolumeSpec().size(50))
                .securityGroups(List.of(new SecurityGroupName().name("default")));
        change.accept(spec);
        return new InstanceCreateRequest().instance(spec);
    }

    @Test
    void instanceNameTooLong() {
        has(refused(() -> client.api(InstanceApi.class).createInstance(instance(s -> s.name("a-very-long-instance-name")))),
                "instance.name", "maxLength");
    }

    @Test
    void instanceNameWithForbiddenCharacters() {
        has(refused(() -> client.api(InstanceApi.class).createInstance(instance(s -> s.name("web_01!")))), "instance.name", "pattern");
    }

    @Test
    void countOutOfBounds() {
        has(refused(() -> client.api(InstanceApi.class).createInstance(instance(s -> s.count(11)))), "instance.count", "maximum");
        has(refused(() -> client.api(InstanceApi.class).createInstance(instance(s -> s.count(0)))), "instance.count", "minimum");
    }

    @Test
    void rootVolumeSizeStepAndBounds() {
        has(refused(() -> client.api(InstanceApi.class).createInstance(instance(s -> s.volume(new InstanceRootVolumeSpec().size(55))))),
                "instance.volume.size", "multipleOf");
        has(refused(() -> client.api(InstanceApi.class).createInstance(instance(s -> s.volume(new InstanceRootVolumeSpec().size(1010))))),
                "instance.volume.size", "maximum");
    }

    @Test
    void missingRequiredFieldsAreAllReported() {
        List<Violation> v = refused(() -> client.api(InstanceApi.class).createInstance(instance(s -> s.keyName(null).flavor(null))));
        has(v, "instance.keyName", "required");
        has(v, "instance.flavor", "required");
    }

    @Test
    void blockStorageSizeBoundsAndStep() {
        for (int size : new int[] {0, 5, 15, 1001, 1010}) {
            List<Violation> v = refused(() -> client.api(BlockStorageApi.class).createVolume(new VolumeCreateRequest().volume(
                    new VolumeCreateSpec().name("d").size(size).availabilityZone("kr-pub-a").volumeType(""))));
            assertFalse(v.isEmpty());
            assertTrue(v.stream().allMatch(x -> x.field().equals("volume.size")), v.toString());
        }
    }

    private static SecurityGroupRuleCreateRequest rule(Consumer<SecurityGroupRuleSpec> change) {
        SecurityGroupRuleSpec spec = new SecurityGroupRuleSpec().securityGroupId("sg").direction(Direction.INGRESS);
        change.accept(spec);
        return new SecurityGroupRuleCreateRequest().securityGroupRule(spec);
    }

    @Test
    void portBounds() {
        has(refused(() -> client.api(SecurityGroupRuleApi.class).createSecurityGroupRule(
                rule(r -> r.protocol(Protocol.TCP).portRangeMin(0).portRangeMax(22)))), "securityGroupRule.portRangeMin",
                "securityGroupRule.portRange");
        has(refused(() -> client.api(SecurityGroupRuleApi.class).createSecurityGroupRule(
                rule(r -> r.protocol(Protocol.TCP).portRangeMin(22).portRangeMax(65536)))), "securityGroupRule.portRangeMax", "maximum");
    }

    @Test
    void portRangeWithoutProtocol() {
        has(refused(() -> client.api(SecurityGroupRuleApi.class).createSecurityGroupRule(rule(r -> r.portRangeMin(22).portRangeMax(22)))),
                "securityGroupRule.protocol", "securityGroupRule.protocolRequiredWithPorts");
    }

    @Test
    void remoteGroupAndPrefixExcludeEachOther() {
        has(refused(() -> client.api(SecurityGroupRuleApi.class).createSecurityGroupRule(
                rule(r -> r.remoteGroupId("other").remoteIpPrefix("10.0.0.0/8")))),
                "securityGroupRule.remoteGroupId+remoteIpPrefix", "securityGroupRule.remoteExclusive");
    }

    @Test
    void portRangeOrder() {
        has(refused(() -> client.api(SecurityGroupRuleApi.class).createSecurityGroupRule(
                rule(r -> r.protocol(Protocol.TCP).portRangeMin(443).portRangeMax(80)))),
                "securityGroupRule.portRangeMin", "securityGroupRule.portRangeOrder");
    }

    @Test
    void malformedCidr() {
        has(refused(() -> client.api(SecurityGroupRuleApi.class).createSecurityGroupRule(rule(r -> r.remoteIpPrefix("10.0.0/33x")))),
                "securityGroupRule.remoteIpPrefix", "pattern");
    }

    @Test
    void rebootTypeMustBeKnown() {
        has(refused(() -> client.instances().reboot(InstanceId.of("i1"), RebootType.UNKNOWN_DEFAULT_OPEN_API)), "parameters.type", "enum");
    }

    @Test
    void floatingIpAddressesMustBeIpv4() {
        has(refused(() -> client.instances().addFloatingIp(InstanceId.of("i1"), FloatingIpAddress.of("not-an-ip"), FixedIpAddress.of("192.168.0.10"))), "parameters.address", "format");
    }

    @Test
    void requiredQueryParameterMissing() {
        has(refused(() -> client.api(InstanceApi.class).deleteInstance(null)), "id", "required");
    }

    @Test
    void emptyPathParameter() {
        has(refused(() -> client.api(InstanceApi.class).attachVolume("", new io.toastcloud.compute.model.VolumeAttachRequest()
                .attachment(new io.toastcloud.compute.model.VolumeAttachSpec().volumeId("v1")))), "instanceId", "minLength");
    }

    @Test
    void messagesNameFieldAndRuleButNeverTheValue() {
        RequestValidationException e = assertThrows(RequestValidationException.class,
                () -> client.api(InstanceApi.class).createInstance(instance(s -> s.name("secret_value_!"))));
        assertTrue(e.getMessage().contains("instance.name"), e.getMessage());
        assertTrue(e.getMessage().contains("pattern"), e.getMessage());
        assertFalse(e.getMessage().contains("secret_value_!"), e.getMessage());
        assertEquals("createInstance", e.operation());
    }
}
