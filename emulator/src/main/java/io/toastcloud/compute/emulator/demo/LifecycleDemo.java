package io.toastcloud.compute.emulator.demo;

import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.resource.ImageId;
import io.toastcloud.compute.client.resource.InstanceId;
import io.toastcloud.compute.client.resource.SecurityGroupId;
import io.toastcloud.compute.client.resource.SecurityGroupRuleId;
import io.toastcloud.compute.client.resource.VolumeId;
import io.toastcloud.compute.client.waiter.WaiterConfig;
import io.toastcloud.compute.emulator.Delays;
import io.toastcloud.compute.emulator.EmulatorConfig;
import io.toastcloud.compute.emulator.EmulatorServer;
import io.toastcloud.compute.emulator.EmulatorUser;
import io.toastcloud.compute.emulator.ExchangeObserver;
import io.toastcloud.compute.model.CreatedKeypair;
import io.toastcloud.compute.model.Direction;
import io.toastcloud.compute.model.Ethertype;
import io.toastcloud.compute.model.Flavor;
import io.toastcloud.compute.model.Image;
import io.toastcloud.compute.model.InstanceCreateSpec;
import io.toastcloud.compute.model.InstanceDetail;
import io.toastcloud.compute.model.InstanceRootVolumeSpec;
import io.toastcloud.compute.model.InstanceSecurityGroup;
import io.toastcloud.compute.model.InstanceSummary;
import io.toastcloud.compute.model.Network;
import io.toastcloud.compute.model.NetworkReference;
import io.toastcloud.compute.model.Protocol;
import io.toastcloud.compute.model.SecurityGroup;
import io.toastcloud.compute.model.SecurityGroupName;
import io.toastcloud.compute.model.SecurityGroupRule;
import io.toastcloud.compute.model.SecurityGroupRuleSpec;
import io.toastcloud.compute.model.Token;
import io.toastcloud.compute.model.VolumeCreateSpec;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The project's main job: a short lifecycle of TOAST Compute resources, driven by the Java
 * client against an emulator on 127.0.0.1 (started in this process unless an endpoint is
 * given), printing each step with the time it took. No account, no network. It ends by
 * checking, through the API, that it left nothing behind (its image included: the later
 * revisions of the guide added image delete, D47).
 */
public final class LifecycleDemo {
    static final String KEYPAIR = "demo-key";
    static final String GROUP = "demo-ssh";
    static final String INSTANCE = "demo-web-01";
    static final String VOLUME = "demo-data";
    static final String IMAGE = "demo-web-01-image";

    private final PrintStream out;
    private final Options options;
    private final long started = System.nanoTime();
    private int step;

    /**
     * @param endpoint an emulator to use, or null to start one in this process
     * @param delays the in-process emulator's delays (ignored with an endpoint)
     * @param poll how often the waiters poll
     */
    public record Options(String endpoint, String appkey, EmulatorUser user, Delays delays, Duration poll) {
        public Options {
            Objects.requireNonNull(appkey, "appkey");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(delays, "delays");
            Objects.requireNonNull(poll, "poll");
        }

        /** An in-process emulator with its default delays (a run takes about ten seconds). */
        public static Options defaults() {
            return new Options(null, "demo-appkey", EmulatorUser.DEFAULT, Delays.defaults(), Duration.ofMillis(250));
        }

        public Options withDelays(Delays newDelays, Duration newPoll) {
            return new Options(endpoint, appkey, user, newDelays, newPoll);
        }

        public Options withEndpoint(String newEndpoint) {
            return new Options(newEndpoint, appkey, user, delays, poll);
        }
    }

    /** What a run did: its steps, how long it took, and what it found left afterwards. */
    public record Result(int steps, Duration elapsed, List<String> leftBehind) {
    }

    private final ExchangeObserver observer;

    private LifecycleDemo(PrintStream out, Options options, ExchangeObserver observer) {
        this.out = out;
        this.options = options;
        this.observer = observer;
    }

    public static Result run(PrintStream out, Options options) {
        return run(out, options, ExchangeObserver.NONE);
    }

    /** Runs the demo; {@code observer} sees the answers of the emulator it starts (none with an endpoint). */
    public static Result run(PrintStream out, Options options, ExchangeObserver observer) {
        return new LifecycleDemo(out, options, observer).run();
    }

    private Result run() {
        out.println("TOAST Compute & Network API: lifecycle demo with the Java client against the local emulator");
        out.println("(no account and no network: every request goes to 127.0.0.1)");
        EmulatorServer emulator = null;
        try {
            String endpoint = options.endpoint();
            if (endpoint == null) {
                emulator = EmulatorServer.start(EmulatorConfig.builder().port(0).user(options.user())
                        .delays(options.delays()).observer(observer).build());
                endpoint = emulator.endpoint();
                say("emulator started at " + endpoint + " (in this process)");
            } else {
                say("using the emulator at " + endpoint);
            }
            try (ToastComputeClient client = ToastComputeClient.builder().appkey(options.appkey())
                    .credentials(options.user().name(), options.user().password()).endpoint(endpoint)
                    .waiterConfig(new WaiterConfig(Duration.ofMinutes(2), options.poll(), options.poll(), 1.0, 0.0))
                    .build()) {
                lifecycle(client);
                List<String> left = leftovers(client);
                say("done in " + seconds(System.nanoTime() - started) + ": " + step + " steps; left behind: "
                        + (left.isEmpty() ? "nothing" : String.join(", ", left)));
                return new Result(step, Duration.ofNanos(System.nanoTime() - started), left);
            }
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private void lifecycle(ToastComputeClient c) {
        long t = begin("issue a token for " + options.user().name() + " on appkey " + options.appkey());
        // The token is the client's business; the generated API stays reachable for what the
        // resource classes do not cover (here: reading the token back).
        Token token = c.api(TokenApi.class).getToken(c.tokenManager().tokenId()).getAccess().getToken();
        done(t, "token expires " + token.getExpires() + " (its id is a secret: not shown)");

        t = begin("look up a flavor, an image, a network and a zone");
        Flavor flavor = c.flavors().list().stream().filter(f -> f.getVolumeSize() == null).findFirst().orElseThrow();
        Image image = c.images().list().stream()
                .filter(i -> i.getProperties() != null && "linux".equals(i.getProperties().get("os_type")))
                .findFirst().orElseThrow();
        Network network = c.networks().list().get(0);
        String zone = c.availabilityZones().list().get(0).getZoneName();
        done(t, flavor.getName() + ", " + image.getName() + " (minDisk " + image.getMinDisk() + " GB), "
                + network.getName() + ", " + zone);

        t = begin("create key pair " + KEYPAIR);
        CreatedKeypair keypair = c.keypairs().create(KEYPAIR);
        done(t, "fingerprint " + keypair.getFingerprint() + " (the private key is returned once; not shown)");

        t = begin("create security group " + GROUP + " and a rule allowing SSH");
        SecurityGroup group = c.securityGroups().create(GROUP, "SSH from anywhere");
        SecurityGroupRule rule = c.securityGroups().rules().create(SecurityGroupId.of(group), new SecurityGroupRuleSpec()
                .direction(Direction.INGRESS).ethertype(Ethertype.IPV4).protocol(Protocol.TCP)
                .portRangeMin(22).portRangeMax(22).remoteIpPrefix("0.0.0.0/0"));
        done(t, "rule " + rule.getDirection() + " " + rule.getProtocol() + "/" + rule.getPortRangeMin() + " from "
                + rule.getRemoteIpPrefix());

        t = begin("create instance " + INSTANCE);
        int rootSize = Math.max(20, image.getMinDisk() == null ? 0 : image.getMinDisk());
        InstanceSummary created = c.instances().create(new InstanceCreateSpec().name(INSTANCE).image(image.getId())
                .flavor(flavor.getId()).networks(List.of(new NetworkReference().id(network.getId())))
                .availabilityZone(zone).keyName(KEYPAIR).volume(new InstanceRootVolumeSpec().size(rootSize))
                .securityGroups(List.of(new SecurityGroupName().name("default"), new SecurityGroupName().name(GROUP))));
        InstanceId instance = InstanceId.of(created);
        done(t, "status " + created.getStatus());

        t = begin("wait until " + INSTANCE + " is ACTIVE (instance waiter)");
        InstanceDetail detail = c.instances().waitUntilActive(instance);
        done(t, "ACTIVE at " + detail.getAddresses().get(0).getIpAddress() + ", security groups "
                + detail.getSecurityGroups().stream().map(InstanceSecurityGroup::getName).toList());

        t = begin("create 10 GB volume " + VOLUME + " and wait until available");
        VolumeId volume = VolumeId.of(c.volumes().create(new VolumeCreateSpec()
                .name(VOLUME).size(10).availabilityZone(zone).volumeType("")));
        c.volumes().waitUntilAvailable(volume);
        done(t, "available");

        t = begin("attach " + VOLUME + " to " + INSTANCE + " and wait until in-use");
        String device = c.volumes().attach(volume, instance).getDevice();
        c.volumes().waitUntilInUse(volume);
        done(t, "in-use as " + device + "; the instance lists " + c.instances().get(instance).orElseThrow().getVolumes()
                .getAttachments().stream().map(a -> a.getName() + " (" + a.getSize() + " GB)").toList());

        t = begin("stop " + INSTANCE + " and wait until STOP");
        c.instances().stop(instance);
        c.instances().waitUntilStopped(instance);
        done(t, "STOP");

        t = begin("make image " + IMAGE + " of the stopped instance and wait until active (image waiter)");
        Image made = c.images().waitUntilActive(ImageId.of(c.instances().uploadImage(instance, IMAGE)));
        done(t, "active, minDisk " + made.getMinDisk() + " GB, " + made.getSize() + " bytes");

        t = begin("clean up: detach and delete " + VOLUME);
        c.volumes().detach(volume, instance);
        c.volumes().waitUntilAvailable(volume);
        c.volumes().delete(volume);
        c.volumes().waitUntilGone(volume);
        done(t, "gone");

        t = begin("clean up: delete " + INSTANCE + " and wait until it is gone");
        c.instances().delete(instance);
        c.instances().waitUntilGone(instance);
        done(t, "gone");

        t = begin("clean up: delete the rule, " + GROUP + ", " + KEYPAIR + " and " + IMAGE);
        c.securityGroups().rules().delete(SecurityGroupRuleId.of(rule));
        c.securityGroups().delete(SecurityGroupId.of(group));
        c.keypairs().delete(KEYPAIR);
        c.images().delete(ImageId.of(made));
        done(t, "deleted");
    }

    /** What the demo finds left, through the API: nothing is expected. */
    private List<String> leftovers(ToastComputeClient c) {
        List<String> left = new ArrayList<>();
        c.instances().list().forEach(i -> left.add("instance " + i.getName()));
        c.volumes().list().forEach(v -> left.add("volume " + v.getName()));
        c.keypairs().list().forEach(k -> left.add("key pair " + k.getName()));
        c.securityGroups().list().stream()
                .filter(g -> !"default".equals(g.getName())).forEach(g -> left.add("security group " + g.getName()));
        c.floatingIps().list().forEach(f -> left.add("floating IP " + f.getFloatingIpAddress()));
        c.images().list().stream().filter(i -> Boolean.FALSE.equals(i.getIsPublic()))
                .forEach(i -> left.add("image " + i.getName()));
        return left;
    }

    private long begin(String what) {
        step++;
        out.printf(Locale.ROOT, "[%7s] %2d. %s ...%n", seconds(System.nanoTime() - started), step, what);
        out.flush();
        return System.nanoTime();
    }

    private void done(long since, String outcome) {
        out.printf(Locale.ROOT, "[%7s]     ok: %s (%s)%n", seconds(System.nanoTime() - started), outcome,
                seconds(System.nanoTime() - since));
        out.flush();
    }

    private void say(String line) {
        out.printf(Locale.ROOT, "[%7s] %s%n", seconds(System.nanoTime() - started), line);
        out.flush();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
    }
}
