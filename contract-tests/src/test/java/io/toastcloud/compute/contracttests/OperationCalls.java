package io.toastcloud.compute.contracttests;

import static io.toastcloud.compute.contracttests.ExampleIds.FLOATING_IP;
import static io.toastcloud.compute.contracttests.ExampleIds.IMAGE;
import static io.toastcloud.compute.contracttests.ExampleIds.PUBLIC_IMAGE;
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
import io.toastcloud.compute.api.AvailabilityZoneApi;
import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.FloatingIpApi;
import io.toastcloud.compute.api.ImageApi;
import io.toastcloud.compute.api.InstanceActionApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.NetworkApi;
import io.toastcloud.compute.api.SecurityGroupApi;
import io.toastcloud.compute.api.SecurityGroupRuleApi;
import io.toastcloud.compute.api.SubnetApi;
import io.toastcloud.compute.api.TokenApi;
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
            entry("issueToken", (t, body) -> t.api(TokenApi.class).issueToken(decode(body, TokenIssueRequest.class))),
            entry("getToken", (t, body) -> t.api(TokenApi.class).getToken(TOKEN)),
            entry("listAvailabilityZones", (t, body) -> t.api(AvailabilityZoneApi.class).listAvailabilityZones()),
            entry("listInstances", (t, body) -> t.api(InstanceApi.class).listInstances(INSTANCE)),
            entry("createInstance", (t, body) -> t.api(InstanceApi.class).createInstance(decode(body, InstanceCreateRequest.class))),
            entry("deleteInstance", (t, body) -> t.api(InstanceApi.class).deleteInstance(INSTANCE)),
            entry("listInstanceDetails", (t, body) -> t.api(InstanceApi.class).listInstanceDetails(INSTANCE)),
            entry("attachVolume", (t, body) -> t.api(InstanceApi.class).attachVolume(INSTANCE, decode(body, VolumeAttachRequest.class))),
            entry("detachVolume", (t, body) -> t.api(InstanceApi.class).detachVolume(INSTANCE, VOLUME)),
            entry("performInstanceAction", (t, body) ->
                    t.api(InstanceActionApi.class).performInstanceAction(INSTANCE, decode(body, InstanceActionRequest.class))),
            entry("listFlavors", (t, body) -> t.api(FlavorApi.class).listFlavors()),
            entry("listKeypairs", (t, body) -> t.api(KeypairApi.class).listKeypairs(KEYPAIR)),
            entry("createKeypair", (t, body) -> t.api(KeypairApi.class).createKeypair(decode(body, KeypairCreateRequest.class))),
            entry("deleteKeypair", (t, body) -> t.api(KeypairApi.class).deleteKeypair(KEYPAIR)),
            entry("listImages", (t, body) -> t.api(ImageApi.class).listImages()),
            entry("deleteImage", (t, body) -> t.api(ImageApi.class).deleteImage(IMAGE)),
            entry("listVolumes", (t, body) -> t.api(BlockStorageApi.class).listVolumes(VOLUME)),
            entry("createVolume", (t, body) -> t.api(BlockStorageApi.class).createVolume(decode(body, VolumeCreateRequest.class))),
            entry("deleteVolume", (t, body) -> t.api(BlockStorageApi.class).deleteVolume(VOLUME)),
            entry("listSecurityGroups", (t, body) -> t.api(SecurityGroupApi.class).listSecurityGroups(SECURITY_GROUP)),
            entry("createSecurityGroup", (t, body) -> t.api(SecurityGroupApi.class).createSecurityGroup(decode(body, SecurityGroupRequest.class))),
            entry("deleteSecurityGroup", (t, body) -> t.api(SecurityGroupApi.class).deleteSecurityGroup(SECURITY_GROUP)),
            entry("updateSecurityGroup", (t, body) ->
                    t.api(SecurityGroupApi.class).updateSecurityGroup(SECURITY_GROUP, decode(body, SecurityGroupRequest.class))),
            entry("listSecurityGroupRules", (t, body) -> t.api(SecurityGroupRuleApi.class).listSecurityGroupRules(SECURITY_GROUP_RULE)),
            entry("createSecurityGroupRule", (t, body) ->
                    t.api(SecurityGroupRuleApi.class).createSecurityGroupRule(decode(body, SecurityGroupRuleCreateRequest.class))),
            entry("deleteSecurityGroupRule", (t, body) -> t.api(SecurityGroupRuleApi.class).deleteSecurityGroupRule(SECURITY_GROUP_RULE)),
            entry("listNetworks", (t, body) -> t.api(NetworkApi.class).listNetworks(NETWORK)),
            entry("listSubnets", (t, body) -> t.api(SubnetApi.class).listSubnets()),
            entry("listFloatingIpPools", (t, body) -> t.api(FloatingIpApi.class).listFloatingIpPools()),
            entry("listFloatingIps", (t, body) -> t.api(FloatingIpApi.class).listFloatingIps(FLOATING_IP)),
            entry("createFloatingIp", (t, body) -> t.api(FloatingIpApi.class).createFloatingIp(decode(body, FloatingIpCreateRequest.class))),
            entry("deleteFloatingIp", (t, body) -> t.api(FloatingIpApi.class).deleteFloatingIp(FLOATING_IP)));

    /**
     * Which success example answers which request example. Prism serves whichever example is
     * asked for; this pairs each with the request it describes. Default: {@code success}.
     */
    static final Map<String, String> SUCCESS_EXAMPLE_BY_REQUEST = Map.of(
            "performInstanceAction/uploadImage", "successUploadImage",
            "createKeypair/upload", "successUpload");

    /**
     * The further success examples of operations without a request body, each with the call
     * that asks for it (the page of the listImages paging example is asked for with limit and
     * marker). {@code success} is answered by the operation's line in {@link #BY_OPERATION}.
     */
    static final Map<String, Call> CALLS_BY_SUCCESS_EXAMPLE = Map.of(
            "listImages/page", (t, body) -> t.api(ImageApi.class).listImages(new ImageApi.ListImagesQueryParams().limit(1).marker(PUBLIC_IMAGE)),
            "listImages/queuedImage", (t, body) -> t.api(ImageApi.class).listImages(),
            "listInstanceDetails/buildingWithoutKey", (t, body) -> t.api(InstanceApi.class).listInstanceDetails(INSTANCE));

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
