package io.toastcloud.compute.contracttests;

import io.toastcloud.compute.client.resource.FixedIpAddress;
import io.toastcloud.compute.client.resource.FloatingIpAddress;
import io.toastcloud.compute.client.resource.InstanceId;
import static io.toastcloud.compute.contracttests.emulator.FailureFixture.decode;
import static io.toastcloud.compute.contracttests.emulator.FailureFixture.example;
import static io.toastcloud.compute.contracttests.support.RequestExamples.with;
import static io.toastcloud.compute.contracttests.support.RequestTampering.body;
import static io.toastcloud.compute.contracttests.support.RequestTampering.token;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.api.AvailabilityZoneApi;
import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FloatingIpApi;
import io.toastcloud.compute.api.ImageApi;
import io.toastcloud.compute.api.InstanceActionApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.NetworkApi;
import io.toastcloud.compute.api.SecurityGroupApi;
import io.toastcloud.compute.api.SecurityGroupRuleApi;
import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.contracttests.emulator.FailureFixture;
import io.toastcloud.compute.contracttests.support.ContractDocument;
import io.toastcloud.compute.contracttests.support.ContractDocument.Operation;
import io.toastcloud.compute.contracttests.support.OpenSshKeys;
import io.toastcloud.compute.contracttests.support.RequestTampering;
import io.toastcloud.compute.model.FloatingIp;
import io.toastcloud.compute.model.Image;
import io.toastcloud.compute.model.InstanceActionRequest;
import io.toastcloud.compute.model.InstanceCreateRequest;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.model.SecurityGroupRequest;
import io.toastcloud.compute.model.SecurityGroupRuleCreateRequest;
import io.toastcloud.compute.model.TokenAuth;
import io.toastcloud.compute.model.TokenIssueRequest;
import io.toastcloud.compute.model.VolumeAttachRequest;
import io.toastcloud.compute.model.VolumeCreateRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The failures the emulator produces for real, each provoked through the client: unknown ids,
 * parameters only the server can judge (and, sent by tampering, ones the client refuses itself),
 * state conflicts, an exhausted pool, bad tokens, malformed JSON. Each names the contract's
 * failure example of that operation whose result code (and typed exception) it must end in;
 * the emulator's message may differ from the example's (it says which resource), so the message
 * is checked by its class, not its text. Run by {@link EmulatorFailureContractTest}; a failure
 * example of the contract that has no case here and is not in {@link #NOT_PROVOKED} fails
 * {@link ContractCoverageTest}.
 */
final class EmulatorFailureCases {
    private static final ContractDocument CONTRACT = ContractDocument.bundled();

    /** An id no resource of the emulator has (a well-formed UUID, so the client sends it). */
    static final String NO_SUCH_ID = "00000000-0000-4000-8000-00000000dead";
    /** A token the emulator never issued. */
    static final String UNKNOWN_TOKEN = "a-token-nobody-issued";

    /** Makes what the case needs, then returns the one call that must fail. */
    @FunctionalInterface
    interface Provocation {
        Attempt prepare(FailureFixture fixture) throws Throwable;
    }

    /** The call under test. */
    @FunctionalInterface
    interface Attempt {
        Object call() throws Throwable;
    }

    /**
     * @param operationId the operation called
     * @param example the operation's failure example whose result code the call must end in
     * @param how what is wrong with the call, in words (the test's name)
     */
    record FailureCase(String operationId, String example, String how, Provocation provocation) {
        String name() {
            return operationId + " -> " + example + ": " + how;
        }

        /** After a token-invalid answer the client issues a new token and tries once more. */
        boolean reissues() {
            return FailureExpectations.REISSUE_ONCE.contains(example);
        }
    }

    /**
     * Failure examples the emulator does not produce, and why: a test cannot provoke them without
     * breaking the emulator on purpose.
     */
    static final Map<String, String> NOT_PROVOKED = Map.of(
            "listFlavors/unknownException", "-2: the emulator answers it only for a bug of its own",
            "listImages/unknownException", "-2: the emulator answers it only for a bug of its own",
            "listSubnets/unknownException", "-2: the emulator answers it only for a bug of its own",
            "listFloatingIpPools/unknownException", "-2: the emulator answers it only for a bug of its own",
            "performInstanceAction/notSupported", "-7: the emulator implements all nine actions; another action breaks the "
                    + "contract's oneOf and is refused as -4 (invalidParameters, provoked below)");

    static final List<FailureCase> ALL;

    static {
        List<FailureCase> all = new ArrayList<>(List.of(
                // --- Token: credentials, look-up, tokens of another appkey
                new FailureCase("issueToken", "authenticationFailed", "a wrong API password", f -> () -> f.toast().api(TokenApi.class)
                        .issueToken(new TokenIssueRequest().auth(new TokenAuth().username("user@example.com")
                                .password("not-the-api-password")))),
                new FailureCase("issueToken", "invalidParameters", "no password (the client refuses it: sent by tampering)",
                        f -> () -> RequestTampering.with("issueToken", body("{\"auth\": {\"username\": \"user@example.com\"}}"),
                                () -> f.toast().api(TokenApi.class).issueToken(decode(example("issueToken", "credentials"),
                                        TokenIssueRequest.class)))),
                new FailureCase("getToken", "tokenNotFound", "an unknown token id",
                        f -> () -> f.toast().api(TokenApi.class).getToken(NO_SUCH_ID)),
                new FailureCase("listAvailabilityZones", "permissionDenied", "a token issued for another appkey", f -> {
                    String foreign = f.tokenOfAnotherAppkey();
                    return () -> RequestTampering.with("listAvailabilityZones", token(foreign),
                            () -> f.toast().api(AvailabilityZoneApi.class).listAvailabilityZones());
                }),

                // --- Instances
                new FailureCase("listInstances", "instanceNotFound", "an unknown id",
                        f -> () -> f.toast().api(InstanceApi.class).listInstances(NO_SUCH_ID)),
                new FailureCase("listInstanceDetails", "instanceNotFound", "an unknown id",
                        f -> () -> f.toast().api(InstanceApi.class).listInstanceDetails(NO_SUCH_ID)),
                new FailureCase("deleteInstance", "instanceNotFound", "an unknown id",
                        f -> () -> f.toast().api(InstanceApi.class).deleteInstance(NO_SUCH_ID)),
                // --- Images (later revisions: paging with a marker, deleting the project's own)
                new FailureCase("listImages", "imageNotFound", "an unknown marker",
                        f -> () -> f.toast().api(ImageApi.class).listImages(new ImageApi.ListImagesQueryParams().limit(1).marker(NO_SUCH_ID))),
                new FailureCase("deleteImage", "imageNotFound", "an unknown id",
                        f -> () -> f.toast().api(ImageApi.class).deleteImage(NO_SUCH_ID)),
                new FailureCase("deleteImage", "imageNotDeletable", "a public image",
                        f -> () -> f.toast().api(ImageApi.class).deleteImage(ExampleIds.PUBLIC_IMAGE)),
                new FailureCase("createInstance", "flavorNotFound", "an unknown flavor",
                        f -> createInstance(f, "/instance/flavor", NO_SUCH_ID)),
                new FailureCase("createInstance", "imageNotFound", "an unknown image",
                        f -> createInstance(f, "/instance/image", NO_SUCH_ID)),
                new FailureCase("createInstance", "noAccessibleNetwork", "an unknown network",
                        f -> createInstance(f, "/instance/networks/0/id", NO_SUCH_ID)),
                new FailureCase("createInstance", "invalidParameters",
                        "a 13-character name with a Windows image (at most 12: a rule only the server can judge)", f -> {
                            String windows = f.toast().api(ImageApi.class).listImages().getImages().stream()
                                    .filter(i -> i.getProperties() != null && "windows".equals(i.getProperties().get("os_type")))
                                    .map(Image::getId).findFirst().orElseThrow(() -> new AssertionError("no Windows image"));
                            JsonNode request = with(with(example("createInstance", "linuxWithRootVolume"), "/instance/image", windows),
                                    "/instance/name", "windows-web-1");
                            return createInstance(f, request);
                        }),
                new FailureCase("attachVolume", "instanceNotFound", "an unknown instance", f -> {
                    String volume = f.availableVolume();
                    return () -> f.toast().api(InstanceApi.class).attachVolume(NO_SUCH_ID, attach(volume));
                }),
                new FailureCase("attachVolume", "volumeNotFound", "an unknown volume", f -> {
                    String instance = f.activeInstance();
                    return () -> f.toast().api(InstanceApi.class).attachVolume(instance, attach(NO_SUCH_ID));
                }),
                new FailureCase("detachVolume", "volumeNotFound", "an unknown volume", f -> {
                    String instance = f.activeInstance();
                    return () -> f.toast().api(InstanceApi.class).detachVolume(instance, NO_SUCH_ID);
                }),

                // --- Instance actions
                new FailureCase("performInstanceAction", "instanceNotFound", "start on an unknown instance",
                        f -> () -> action(f, NO_SUCH_ID, example("performInstanceAction", "start"))),
                new FailureCase("performInstanceAction", "instanceConflict", "start while ACTIVE (start needs STOP)", f -> {
                    String instance = f.activeInstance();
                    return () -> action(f, instance, example("performInstanceAction", "start"));
                }),
                new FailureCase("performInstanceAction", "instanceConflict", "uploadImage while ACTIVE (it needs STOP)", f -> {
                    String instance = f.activeInstance();
                    return () -> action(f, instance, example("performInstanceAction", "uploadImage"));
                }),
                new FailureCase("performInstanceAction", "invalidParameters", "resize to the flavor the instance has", f -> {
                    String instance = f.activeInstance();
                    String flavor = example("createInstance", "linuxWithRootVolume").at("/instance/flavor").asText();
                    return () -> action(f, instance, with(example("performInstanceAction", "resize"), "/parameters/flavor", flavor));
                }),
                new FailureCase("performInstanceAction", "invalidParameters",
                        "an action that is not one of the nine (the client refuses it: sent by tampering)", f -> {
                            String instance = f.activeInstance();
                            return () -> RequestTampering.with("performInstanceAction", body("{\"action\": \"suspend\"}"),
                                    () -> action(f, instance, example("performInstanceAction", "stop")));
                        }),

                // --- Key pairs
                new FailureCase("listKeypairs", "keypairNotFound", "an unknown name",
                        f -> () -> f.toast().api(KeypairApi.class).listKeypairs("no-such-key")),
                new FailureCase("deleteKeypair", "keypairNotFound", "an unknown name",
                        f -> () -> f.toast().api(KeypairApi.class).deleteKeypair("no-such-key")),
                new FailureCase("createKeypair", "keypairConflict", "a name that is taken", f -> {
                    f.keypair("laptop-key");
                    return () -> f.toast().api(KeypairApi.class).createKeypair(upload("laptop-key",
                            OpenSshKeys.newEd25519PublicKey("user@laptop")));
                }),
                new FailureCase("createKeypair", "invalidParameters",
                        "a public key labelled ssh-rsa whose blob is an Ed25519 key", f -> {
                            String blob = OpenSshKeys.newEd25519PublicKey("user@laptop").split(" ")[1];
                            return () -> f.toast().api(KeypairApi.class).createKeypair(upload("laptop-key",
                                    "ssh-rsa " + blob + " user@laptop"));
                        }),

                // --- Block storage
                new FailureCase("listVolumes", "volumeNotFound", "an unknown id",
                        f -> () -> f.toast().api(BlockStorageApi.class).listVolumes(NO_SUCH_ID)),
                new FailureCase("deleteVolume", "volumeNotFound", "an unknown id",
                        f -> () -> f.toast().api(BlockStorageApi.class).deleteVolume(NO_SUCH_ID)),
                new FailureCase("deleteVolume", "volumeInvalidState", "while it is creating (not a deletable status)", f -> {
                    String volume = f.creatingVolume();
                    return () -> f.toast().api(BlockStorageApi.class).deleteVolume(volume);
                }),
                new FailureCase("createVolume", "invalidParameters", "an availability zone that does not exist",
                        f -> () -> createVolume(f, with(example("createVolume", "dataDisk"), "/volume/availabilityZone", "kr-pub-z"))),
                new FailureCase("createVolume", "invalidParameters",
                        "size 105, not a multiple of 10 (the client refuses it: sent by tampering)",
                        f -> () -> RequestTampering.with("createVolume", body("{\"volume\": {\"name\": \"data-01\", \"size\": 105, "
                                + "\"availabilityZone\": \"kr-pub-a\", \"volumeType\": \"\"}}"),
                                () -> createVolume(f, example("createVolume", "dataDisk")))),
                new FailureCase("createVolume", "jsonParsingError", "a body that is not JSON (sent by tampering)",
                        f -> () -> RequestTampering.with("createVolume", body("{\"volume\": {\"name\": \"data-01\", \"size\": 100,}"),
                                () -> createVolume(f, example("createVolume", "dataDisk")))),

                // --- Security groups and rules
                new FailureCase("listSecurityGroups", "securityGroupNotFound", "an unknown id",
                        f -> () -> f.toast().api(SecurityGroupApi.class).listSecurityGroups(NO_SUCH_ID)),
                new FailureCase("deleteSecurityGroup", "securityGroupNotFound", "an unknown id",
                        f -> () -> f.toast().api(SecurityGroupApi.class).deleteSecurityGroup(NO_SUCH_ID)),
                new FailureCase("updateSecurityGroup", "securityGroupNotFound", "an unknown id",
                        f -> () -> f.toast().api(SecurityGroupApi.class).updateSecurityGroup(NO_SUCH_ID,
                                decode(example("updateSecurityGroup", "rename"), SecurityGroupRequest.class))),
                new FailureCase("createSecurityGroup", "invalidParameters", "an empty name (the client refuses it: sent by tampering)",
                        f -> () -> RequestTampering.with("createSecurityGroup", body("{\"securityGroup\": {\"name\": \"\"}}"),
                                () -> f.toast().api(SecurityGroupApi.class).createSecurityGroup(
                                        decode(example("createSecurityGroup", "web"), SecurityGroupRequest.class)))),
                new FailureCase("updateSecurityGroup", "invalidParameters", "no name (the client refuses it: sent by tampering)", f -> {
                    String group = f.securityGroup();
                    return () -> RequestTampering.with("updateSecurityGroup", body("{\"securityGroup\": {\"description\": \"x\"}}"),
                            () -> f.toast().api(SecurityGroupApi.class).updateSecurityGroup(group,
                                    decode(example("updateSecurityGroup", "rename"), SecurityGroupRequest.class)));
                }),
                new FailureCase("listSecurityGroupRules", "nonexistent", "an unknown id",
                        f -> () -> f.toast().api(SecurityGroupRuleApi.class).listSecurityGroupRules(NO_SUCH_ID)),
                new FailureCase("deleteSecurityGroupRule", "nonexistent", "an unknown id",
                        f -> () -> f.toast().api(SecurityGroupRuleApi.class).deleteSecurityGroupRule(NO_SUCH_ID)),
                new FailureCase("createSecurityGroupRule", "securityGroupNotFound", "an unknown security group",
                        f -> () -> createRule(f, NO_SUCH_ID, example("createSecurityGroupRule", "httpsFromAnywhere"))),
                new FailureCase("createSecurityGroupRule", "securityGroupRuleConflict", "the same rule twice", f -> {
                    String group = f.securityGroup();
                    createRule(f, group, example("createSecurityGroupRule", "httpsFromAnywhere"));
                    return () -> createRule(f, group, example("createSecurityGroupRule", "httpsFromAnywhere"));
                }),
                new FailureCase("createSecurityGroupRule", "invalidParameters",
                        "an IPv6 rule with an IPv4 prefix (a rule only the server checks)", f -> {
                            String group = f.securityGroup();
                            JsonNode rule = with(example("createSecurityGroupRule", "httpsFromAnywhere"),
                                    "/securityGroupRule/ethertype", "IPv6");
                            return () -> createRule(f, group, rule);
                        }),

                // --- Networks and floating IPs
                new FailureCase("listNetworks", "noAccessibleNetwork", "an unknown id",
                        f -> () -> f.toast().api(NetworkApi.class).listNetworks(NO_SUCH_ID)),
                new FailureCase("listFloatingIps", "floatingIpNotFound", "an unknown id",
                        f -> () -> f.toast().api(FloatingIpApi.class).listFloatingIps(NO_SUCH_ID)),
                new FailureCase("deleteFloatingIp", "floatingIpNotFound", "an unknown id",
                        f -> () -> f.toast().api(FloatingIpApi.class).deleteFloatingIp(NO_SUCH_ID)),
                new FailureCase("createFloatingIp", "nonexistent", "an unknown pool",
                        f -> () -> f.toast().api(FloatingIpApi.class).createFloatingIp(f.floatingIpFrom(NO_SUCH_ID))),
                new FailureCase("createFloatingIp", "noAvailableIp", "the pool is exhausted (one address per appkey here)", f -> {
                    f.floatingIp();
                    return f::floatingIp;
                }),
                new FailureCase("deleteFloatingIp", "floatingIpInUse", "while it is associated with an instance", f -> {
                    String instance = f.activeInstance();
                    FloatingIp ip = f.floatingIp();
                    f.toast().instances().addFloatingIp(InstanceId.of(instance), FloatingIpAddress.of(ip.getFloatingIpAddress()), FixedIpAddress.of(f.fixedIp(instance)));
                    return () -> f.toast().api(FloatingIpApi.class).deleteFloatingIp(ip.getId());
                })));
        all.addAll(tokenInvalidCases());
        ALL = Collections.unmodifiableList(all);
    }

    /**
     * Every operation whose failure examples include {@code tokenInvalid}: called with a token
     * the emulator never issued (it answers 50401; the client drops its token, issues a new one,
     * sends the call again with the unknown token, gets 50401 again and gives up). Called as the
     * Prism suite calls it ({@link OperationCalls}): the token is checked before anything else.
     */
    private static List<FailureCase> tokenInvalidCases() {
        List<FailureCase> cases = new ArrayList<>();
        for (Operation op : CONTRACT.operations()) {
            if (op.failureExamples().contains(FailureExpectations.TOKEN_INVALID)) {
                JsonNode body = op.requestExamples().values().stream().findFirst().orElse(null);
                cases.add(new FailureCase(op.id(), FailureExpectations.TOKEN_INVALID, "a token the emulator never issued",
                        f -> () -> RequestTampering.with(op.id(), token(UNKNOWN_TOKEN),
                                () -> OperationCalls.BY_OPERATION.get(op.id()).invoke(f.toast(), body))));
            }
        }
        return cases;
    }

    private EmulatorFailureCases() {
    }

    private static Attempt createInstance(FailureFixture f, String pointer, String value) {
        return createInstance(f, with(example("createInstance", "linuxWithRootVolume"), pointer, value));
    }

    /** The instance's key pair exists, so that only the changed value is wrong. */
    private static Attempt createInstance(FailureFixture f, JsonNode request) {
        f.keypair(request.at("/instance/keyName").asText());
        return () -> f.toast().api(InstanceApi.class).createInstance(decode(request, InstanceCreateRequest.class));
    }

    private static VolumeAttachRequest attach(String volumeId) {
        return decode(with(example("attachVolume", "attach"), "/attachment/volumeId", volumeId), VolumeAttachRequest.class);
    }

    private static Object action(FailureFixture f, String instanceId, JsonNode request) {
        return f.toast().api(InstanceActionApi.class).performInstanceAction(instanceId, decode(request, InstanceActionRequest.class));
    }

    private static Object createVolume(FailureFixture f, JsonNode request) {
        return f.toast().api(BlockStorageApi.class).createVolume(decode(request, VolumeCreateRequest.class));
    }

    private static Object createRule(FailureFixture f, String groupId, JsonNode request) {
        return f.toast().api(SecurityGroupRuleApi.class).createSecurityGroupRule(
                decode(with(request, "/securityGroupRule/securityGroupId", groupId), SecurityGroupRuleCreateRequest.class));
    }

    private static KeypairCreateRequest upload(String name, String publicKey) {
        return new KeypairCreateRequest().keypair(new KeypairCreateSpec().name(name).publicKey(publicKey));
    }
}
