package io.toastcloud.compute.contracttests;

import static java.util.Map.entry;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.client.resource.FixedIpAddress;
import io.toastcloud.compute.client.resource.FlavorId;
import io.toastcloud.compute.client.resource.FloatingIpAddress;
import io.toastcloud.compute.client.resource.InstanceId;
import io.toastcloud.compute.client.resource.Instances;
import io.toastcloud.compute.model.RebootType;
import java.util.Map;

/**
 * The client's typed method for each instance action ({@code client.instances()}), called with the
 * values of the action's request example. A new action in the contract without a line here fails
 * {@code ContractCoverageTest}.
 */
final class TypedActions {
    /** Performs one action on the instance; returns what the typed method returns (or null). */
    @FunctionalInterface
    interface Action {
        Object perform(Instances instances, InstanceId instanceId, JsonNode example);
    }

    static final Map<String, Action> BY_ACTION = Map.ofEntries(
            entry("start", (a, id, ex) -> {
                a.start(id);
                return null;
            }),
            entry("stop", (a, id, ex) -> {
                a.stop(id);
                return null;
            }),
            entry("reboot", (a, id, ex) -> {
                a.reboot(id, RebootType.fromValue(text(ex, "/parameters/type")));
                return null;
            }),
            entry("resize", (a, id, ex) -> {
                a.resize(id, FlavorId.of(text(ex, "/parameters/flavor")));
                return null;
            }),
            entry("uploadImage", (a, id, ex) -> a.uploadImage(id, text(ex, "/parameters/name"))),
            entry("addFloatingIp", (a, id, ex) -> {
                a.addFloatingIp(id, FloatingIpAddress.of(text(ex, "/parameters/address")),
                        FixedIpAddress.of(text(ex, "/parameters/ipAddress")));
                return null;
            }),
            entry("removeFloatingIp", (a, id, ex) -> {
                a.removeFloatingIp(id, FloatingIpAddress.of(text(ex, "/parameters/address")));
                return null;
            }),
            entry("addSecurityGroup", (a, id, ex) -> {
                a.addSecurityGroup(id, text(ex, "/parameters/name"));
                return null;
            }),
            entry("removeSecurityGroup", (a, id, ex) -> {
                a.removeSecurityGroup(id, text(ex, "/parameters/name"));
                return null;
            }));

    private TypedActions() {
    }

    private static String text(JsonNode example, String pointer) {
        JsonNode value = example.at(pointer);
        if (!value.isTextual()) {
            throw new AssertionError("the action example has no text at " + pointer + ": " + example);
        }
        return value.asText();
    }
}
