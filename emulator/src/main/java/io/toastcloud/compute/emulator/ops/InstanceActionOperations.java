package io.toastcloud.compute.emulator.ops;

import io.toastcloud.compute.emulator.Transition;
import io.toastcloud.compute.emulator.api.ApiFailure;
import io.toastcloud.compute.emulator.api.Envelopes;
import io.toastcloud.compute.emulator.api.Operation;
import io.toastcloud.compute.emulator.state.FloatingIpRecord;
import io.toastcloud.compute.emulator.state.ImageRecord;
import io.toastcloud.compute.emulator.state.InstanceRecord;
import io.toastcloud.compute.emulator.state.Phase;
import io.toastcloud.compute.emulator.state.SecurityGroupRecord;
import io.toastcloud.compute.emulator.state.Tx;
import io.toastcloud.compute.model.AddFloatingIpAction;
import io.toastcloud.compute.model.AddSecurityGroupAction;
import io.toastcloud.compute.model.CreatedImage;
import io.toastcloud.compute.model.Flavor;
import io.toastcloud.compute.model.Image;
import io.toastcloud.compute.model.InstanceActionRequest;
import io.toastcloud.compute.model.InstanceActionResponse;
import io.toastcloud.compute.model.RebootAction;
import io.toastcloud.compute.model.RebootType;
import io.toastcloud.compute.model.RemoveFloatingIpAction;
import io.toastcloud.compute.model.RemoveSecurityGroupAction;
import io.toastcloud.compute.model.ResizeAction;
import io.toastcloud.compute.model.StartAction;
import io.toastcloud.compute.model.StopAction;
import io.toastcloud.compute.model.UploadImageAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The nine instance actions of {@code performInstanceAction}, with the guide's preconditions
 * where it states them (start only from STOP; stop only from ACTIVE or ERROR; uploadImage only
 * from STOP) and the emulator's where it does not (docs/EMULATOR.md). A refused action answers
 * the contract's InstanceConflict code (10409).
 */
final class InstanceActionOperations {
    private static final String[] SETTLED = {"ACTIVE", "STOP"};
    private static final String[] NOT_WIRED = {"BUILD", "DELETING", "ERROR"};

    private final Emulation emulation;

    InstanceActionOperations(Emulation emulation) {
        this.emulation = emulation;
    }

    void register(Map<String, Operation> ops) {
        ops.put("performInstanceAction", request -> {
            InstanceActionRequest action = request.body(InstanceActionRequest.class, emulation.mapper());
            return emulation.tenant(request.appkey()).write(tx -> {
                InstanceRecord instance = Instances.instance(tx.state(), request.path("instanceId"));
                InstanceActionResponse response = new InstanceActionResponse().header(Envelopes.ok());
                if (action instanceof StartAction) {
                    Instances.requireStatus(instance, "start", "STOP");
                    begin(tx, instance, "POWERING_ON", Transition.INSTANCE_POWER_ON, "ACTIVE");
                } else if (action instanceof StopAction) {
                    Instances.requireStatus(instance, "stop", "ACTIVE", "ERROR");
                    begin(tx, instance, "POWERING_OFF", Transition.INSTANCE_POWER_OFF, "STOP");
                } else if (action instanceof RebootAction reboot) {
                    if (reboot.getParameters().getType() == RebootType.HARD) {
                        Instances.requireStatus(instance, "reboot", "ACTIVE", "ERROR");
                    } else {
                        Instances.requireStatus(instance, "reboot", "ACTIVE");
                    }
                    begin(tx, instance, "REBOOTING", Transition.INSTANCE_REBOOT, "ACTIVE");
                } else if (action instanceof ResizeAction resize) {
                    resize(tx, instance, resize.getParameters().getFlavor());
                } else if (action instanceof UploadImageAction upload) {
                    Instances.requireStatus(instance, "uploadImage", "STOP");
                    response.createdImage(uploadImage(tx, instance, upload.getParameters().getName()));
                } else if (action instanceof AddFloatingIpAction add) {
                    addFloatingIp(tx, instance, add.getParameters().getAddress(), add.getParameters().getIpAddress());
                } else if (action instanceof RemoveFloatingIpAction remove) {
                    removeFloatingIp(tx, instance, remove.getParameters().getAddress());
                } else if (action instanceof AddSecurityGroupAction add) {
                    addSecurityGroup(tx, instance, add.getParameters().getName());
                } else if (action instanceof RemoveSecurityGroupAction remove) {
                    removeSecurityGroup(tx, instance, remove.getParameters().getName());
                } else {
                    throw ApiFailure.notSupported("The action is not supported.");
                }
                return response;
            });
        });
    }

    /** The instance takes {@code intermediate} now and {@code end} after the transition's delay. */
    private void begin(Tx tx, InstanceRecord instance, String intermediate, Transition transition, String end) {
        instance.status = intermediate;
        instance.updatedAt = tx.now();
        emulation.lifecycle().plan(tx.state(), instance, tx.now(), Phase.to(emulation.delay(transition), end));
    }

    private void resize(Tx tx, InstanceRecord instance, String flavorId) {
        Instances.requireStatus(instance, "resize", SETTLED);
        Flavor flavor = emulation.catalog().flavor(flavorId).orElseThrow(() -> ApiFailure.example("FlavorNotFound"));
        if (Boolean.TRUE.equals(flavor.getDisabled())) {
            throw ApiFailure.invalidParameters("parameters.flavor is disabled");
        }
        if (flavor.getId().equals(instance.flavorId)) {
            throw ApiFailure.invalidParameters("parameters.flavor is the instance's flavor already");
        }
        instance.resizeTo = flavor.getId();
        instance.resizeReturnsTo = instance.status;
        begin(tx, instance, "RESIZING", Transition.INSTANCE_RESIZE, instance.resizeReturnsTo);
    }

    private CreatedImage uploadImage(Tx tx, InstanceRecord instance, String name) {
        Image source = emulation.catalog().image(instance.imageId).orElse(null);
        ImageRecord sourceOwn = tx.state().images.get(instance.imageId);
        ImageRecord image = new ImageRecord();
        image.id = UUID.randomUUID().toString();
        image.name = name;
        image.status = "queued";
        image.diskFormat = "qcow2";
        image.minDisk = instance.rootSize;
        image.minRam = source != null && source.getMinRam() != null ? source.getMinRam() : sourceOwn != null ? sourceOwn.minRam : 0;
        image.properties = new LinkedHashMap<>(source != null && source.getProperties() != null ? source.getProperties()
                : sourceOwn != null ? sourceOwn.properties : Map.of());
        image.sizeWhenActive = source != null && source.getSize() != null ? source.getSize()
                : sourceOwn != null ? sourceOwn.sizeWhenActive : 1L << 30;
        image.sourceInstanceId = instance.id;
        image.createdAt = tx.now();
        image.updatedAt = tx.now();
        emulation.lifecycle().plan(tx.state(), image, tx.now(),
                Phase.to(emulation.delay(Transition.IMAGE_QUEUE), "saving"),
                Phase.to(emulation.delay(Transition.IMAGE_SAVE), emulation.failing(name) ? "killed" : "active"));
        tx.state().images.put(image.id, image);
        return new CreatedImage().id(image.id).name(image.name);
    }

    private void addFloatingIp(Tx tx, InstanceRecord instance, String address, String fixedIp) {
        Instances.refuseStatus(instance, "addFloatingIp", NOT_WIRED);
        FloatingIpRecord ip = tx.state().floatingIpAt(address).orElseThrow(() -> ApiFailure.example("FloatingIpNotFound"));
        if (ip.associated()) {
            throw ApiFailure.example("FloatingIpInUse", "Floating IP " + address + " is associated with an instance already.");
        }
        InstanceRecord.Nic nic = instance.nics.stream().filter(n -> n.ipAddress().equals(fixedIp)).findFirst()
                .orElseThrow(() -> ApiFailure.invalidParameters("parameters.ipAddress is not a fixed IP address of the instance"));
        ip.instanceId = instance.id;
        ip.fixedIpAddress = nic.ipAddress();
        ip.portId = nic.portId();
        instance.updatedAt = tx.now();
    }

    private void removeFloatingIp(Tx tx, InstanceRecord instance, String address) {
        Instances.refuseStatus(instance, "removeFloatingIp", "DELETING");
        FloatingIpRecord ip = tx.state().floatingIpAt(address).orElseThrow(() -> ApiFailure.example("FloatingIpNotFound"));
        if (!instance.id.equals(ip.instanceId)) {
            throw ApiFailure.example("InstanceConflict", "Floating IP " + address + " is not associated with the instance.");
        }
        ip.instanceId = null;
        ip.fixedIpAddress = null;
        ip.portId = null;
        instance.updatedAt = tx.now();
    }

    private void addSecurityGroup(Tx tx, InstanceRecord instance, String name) {
        Instances.refuseStatus(instance, "addSecurityGroup", NOT_WIRED);
        SecurityGroupRecord group = named(tx, name);
        if (instance.securityGroupIds.contains(group.id)) {
            throw ApiFailure.example("InstanceConflict", "Security group '" + name + "' is applied to the instance already.");
        }
        instance.securityGroupIds.add(group.id);
        instance.updatedAt = tx.now();
    }

    private void removeSecurityGroup(Tx tx, InstanceRecord instance, String name) {
        Instances.refuseStatus(instance, "removeSecurityGroup", NOT_WIRED);
        SecurityGroupRecord group = named(tx, name);
        if (!instance.securityGroupIds.remove(group.id)) {
            throw ApiFailure.example("InstanceConflict", "Security group '" + name + "' is not applied to the instance.");
        }
        instance.updatedAt = tx.now();
    }

    private static SecurityGroupRecord named(Tx tx, String name) {
        return tx.state().securityGroupNamed(name).orElseThrow(() -> ApiFailure.example("SecurityGroupNotFound",
                "Security group '" + name + "' could not be found."));
    }
}
