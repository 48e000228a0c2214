package io.toastcloud.compute.contracttests;

import static io.toastcloud.compute.contracttests.ExampleIds.FLOATING_IP;
import static io.toastcloud.compute.contracttests.ExampleIds.INSTANCE;
import static io.toastcloud.compute.contracttests.ExampleIds.KEYPAIR;
import static io.toastcloud.compute.contracttests.ExampleIds.NETWORK;
import static io.toastcloud.compute.contracttests.ExampleIds.SECURITY_GROUP;
import static io.toastcloud.compute.contracttests.ExampleIds.SECURITY_GROUP_RULE;
import static io.toastcloud.compute.contracttests.ExampleIds.TOKEN;
import static io.toastcloud.compute.contracttests.ExampleIds.VOLUME;
import static java.util.Map.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.model.FloatingIpCreateRequest;
import io.toastcloud.compute.model.InstanceActionRequest;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.SecurityGroupRequest;
import io.toastcloud.compute.model.SecurityGroupRuleCreateRequest;
import io.toastcloud.compute.model.TokenIssueRequest;
import io.toastcloud.compute.model.VolumeAttachRequest;
import io.toastcloud.compute.model.VolumeCreateRequest;
import java.util.Map;

/**
 * How to call each operation of the contract through the client, one line each. An operation
 * with a request body is called with each of the contract's request examples, decoded into the
 * generated model (so the example must fit the model); path and query parameters use the ids of
 * the contract's examples. A new operation without a line here fails {@code ContractCoverageTest}.
 */
final class OperationCalls {
    /** Calls one operation; {@code body} is the request example (null when the operation has none). */
    @FunctionalInterface
    interface Call {
        Object invoke(ToastComputeClient toast, JsonNode body);
    }

    static final Map<String, Call> BY_OPERATION = Map.ofEntries(
            entry("issueToken", (t, body) -> t.tokens().issueToken(decode(body, TokenIssueRequest.class))),
            entry("getToken", (t, body) -> t.tokens().getToken(TOKEN)),
            entry("listAvailabilityZones", (t, body) -> t.availabilityZones().listAvailabilityZones()),
            entry("listInstances", (t, body) -> t.instances().listInstances(INSTANCE)),
            entry("createInstance", (t, body) -> t.instances().createInstance(decode(body, InstanceCreateRequest.class))),
            entry("deleteInstance", (t, body) -> t.instances().deleteInstance(INSTANCE)),
            entry("listInstanceDetails", (t, body) -> t.instances().listInstanceDetails(INSTANCE)),
            entry("attachVolume", (t, body) -> t.instances().attachVolume(INSTANCE, decode(body, VolumeAttachRequest.class))),
            entry("detachVolume", (t, body) -> t.instances().detachVolume(INSTANCE, VOLUME)),
            entry("performInstanceAction", (t, body) ->
                    t.instanceActionApi().performInstanceAction(INSTANCE, decode(body, InstanceActionRequest.class))),
            entry("listFlavors", (t, body) -> t.flavors().listFlavors()),
            entry("listKeypairs", (t, body) -> t.keypairs().listKeypairs(KEYPAIR)),
            entry("createKeypair", (t, body) -> t.keypairs().createKeypair(decode(body, KeypairCreateRequest.class))),
            entry("deleteKeypair", (t, body) -> t.keypairs().deleteKeypair(KEYPAIR)),
            entry("listImages", (t, body) -> t.images().listImages()),
            entry("listVolumes", (t, body) -> t.volumes().listVolumes(VOLUME)),
            entry("createVolume", (t, body) -> t.volumes().createVolume(decode(body, VolumeCreateRequest.class))),
            entry("deleteVolume", (t, body) -> t.volumes().deleteVolume(VOLUME)),
            entry("listSecurityGroups", (t, body) -> t.securityGroups().listSecurityGroups(SECURITY_GROUP)),
            entry("createSecurityGroup", (t, body) -> t.securityGroups().createSecurityGroup(decode(body, SecurityGroupRequest.class))),
            entry("deleteSecurityGroup", (t, body) -> t.securityGroups().deleteSecurityGroup(SECURITY_GROUP)),
            entry("updateSecurityGroup", (t, body) ->
                    t.securityGroups().updateSecurityGroup(SECURITY_GROUP, decode(body, SecurityGroupRequest.class))),
            entry("listSecurityGroupRules", (t, body) -> t.securityGroupRules().listSecurityGroupRules(SECURITY_GROUP_RULE)),
            entry("createSecurityGroupRule", (t, body) ->
                    t.securityGroupRules().createSecurityGroupRule(decode(body, SecurityGroupRuleCreateRequest.class))),
            entry("deleteSecurityGroupRule", (t, body) -> t.securityGroupRules().deleteSecurityGroupRule(SECURITY_GROUP_RULE)),
            entry("listNetworks", (t, body) -> t.networks().listNetworks(NETWORK)),
            entry("listSubnets", (t, body) -> t.subnets().listSubnets()),
            entry("listFloatingIpPools", (t, body) -> t.floatingIps().listFloatingIpPools()),
            entry("listFloatingIps", (t, body) -> t.floatingIps().listFloatingIps(FLOATING_IP)),
            entry("createFloatingIp", (t, body) -> t.floatingIps().createFloatingIp(decode(body, FloatingIpCreateRequest.class))),
            entry("deleteFloatingIp", (t, body) -> t.floatingIps().deleteFloatingIp(FLOATING_IP)));

    /**
     * Which success example answers which request example. Prism serves whichever example is
     * asked for; this pairs each with the request it describes. Default: {@code success}.
     */
    static final Map<String, String> SUCCESS_EXAMPLE_BY_REQUEST = Map.of(
            "performInstanceAction/uploadImage", "successUploadImage",
            "createKeypair/upload", "successUpload");

    private OperationCalls() {
    }

    static String successExampleFor(String operationId, String requestExample) {
        return SUCCESS_EXAMPLE_BY_REQUEST.getOrDefault(operationId + "/" + requestExample, "success");
    }

    /** A request example as the generated model: what a user of the client would build. */
    static <T> T decode(JsonNode example, Class<T> type) {
        if (example == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " needs a request example");
        }
        try {
            return ToastComputeClient.objectMapper().treeToValue(example, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the contract's request example does not fit the generated " + type.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }
}
