package io.toastcloud.compute.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.resource.InstanceId;
import io.toastcloud.compute.client.resource.VolumeId;
import io.toastcloud.compute.emulator.junit.ToastEmulator;
import io.toastcloud.compute.model.InstanceStatus;
import io.toastcloud.compute.model.SecurityGroup;
import io.toastcloud.compute.model.VolumeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs both "provision a web server" programs against the embedded emulator (each test on a
 * fresh appkey, on the emulator's manual clock: the waiters' pauses move its time), checks what
 * they made and that their teardown leaves nothing behind, keeps README.md's copy of the
 * program identical to the source, and prints how long each program is.
 */
@ToastEmulator(manualClock = true, floatingIps = 2)
class ProvisionWebServerTest {
    private static final String IMAGE = "Ubuntu Server 16.04.2 LTS (2017.05.23)";
    private static final Path SOURCES = Path.of("src/main/java/io/toastcloud/compute/examples");

    @Test
    void theProgramOnTheResourceClassesProvisionsAndTearsDown(ToastComputeClient toast) {
        List<String> before = existing(toast);
        ProvisionWebServer.WebServer web = ProvisionWebServer.provision(toast, IMAGE);

        assertEquals(InstanceStatus.ACTIVE, toast.instances().get(web.instance()).orElseThrow().getStatus());
        assertEquals(VolumeStatus.IN_USE, toast.volumes().get(web.volume()).orElseThrow().getStatus());
        assertEquals(web.instance().value(), toast.volumes().get(web.volume()).orElseThrow().getAttachments().get(0).getInstanceId());
        assertTrue(toast.floatingIps().list().stream().anyMatch(ip -> ip.getId().equals(web.floatingIp().getId())
                && ip.getFixedIpAddress() != null), "the floating IP is associated");
        assertEquals(1, toast.securityGroups().rules().list(web.group()).stream()
                .filter(r -> Integer.valueOf(80).equals(r.getPortRangeMin())).count(), "the group lets HTTP in");
        assertTrue(toast.keypairs().findByName(web.keyName()).isPresent());

        ProvisionWebServer.teardown(toast, web);
        assertEquals(before, existing(toast), "the teardown left something behind");
        assertTrue(toast.securityGroups().rules().list(web.group()).isEmpty(), "the group's rules are gone with it");
    }

    @Test
    void theSameProgramOnTheGeneratedApiDoesTheSame(ToastComputeClient toast) {
        List<String> before = existing(toast);
        ProvisionWebServerWithGeneratedApi.WebServer web = ProvisionWebServerWithGeneratedApi.provision(toast, IMAGE);

        assertEquals(InstanceStatus.ACTIVE, toast.instances().get(InstanceId.of(web.instanceId())).orElseThrow().getStatus());
        assertEquals(VolumeStatus.IN_USE, toast.volumes().get(VolumeId.of(web.volumeId())).orElseThrow().getStatus());
        assertTrue(toast.floatingIps().list().stream().anyMatch(ip -> ip.getId().equals(web.floatingIp().getId())
                && ip.getFixedIpAddress() != null), "the floating IP is associated");

        ProvisionWebServerWithGeneratedApi.teardown(toast, web);
        assertEquals(before, existing(toast), "the teardown left something behind");
    }

    /** What the appkey has, beyond the catalog: instances, volumes, floating IPs, key pairs, security groups and rules. */
    private static List<String> existing(ToastComputeClient toast) {
        List<String> all = new ArrayList<>();
        toast.instances().list().forEach(i -> all.add("instance " + i.getName()));
        toast.volumes().list().forEach(v -> all.add("volume " + v.getName()));
        toast.floatingIps().list().forEach(f -> all.add("floating IP " + f.getFloatingIpAddress()));
        toast.keypairs().list().forEach(k -> all.add("key pair " + k.getName()));
        toast.securityGroups().list().stream().map(SecurityGroup::getName).sorted().forEach(g -> all.add("security group " + g));
        toast.securityGroups().rules().list().forEach(r -> all.add("rule " + r.getId()));
        return all;
    }

    @Test
    void readmeShowsExactlyTheProgram() throws IOException {
        String source = Files.readString(SOURCES.resolve("ProvisionWebServer.java"));
        String code = between(source, "// provision:begin\n", "// provision:end").strip();
        assertTrue(Files.readString(Path.of("../README.md")).contains(code),
                "README.md must contain the program of ProvisionWebServer.java verbatim; update README.md");
    }

    /**
     * The figure the issue asks for: non-blank, non-comment lines of each whole program file
     * (imports included: a user writes them too). Printed, and the new shape must be the shorter.
     */
    @Test
    void theProgramOnTheResourceClassesIsTheShorter() throws IOException {
        long resources = codeLines(SOURCES.resolve("ProvisionWebServer.java"));
        long generated = codeLines(SOURCES.resolve("ProvisionWebServerWithGeneratedApi.java"));
        System.out.printf("provision a web server: %d lines on the resource classes (ProvisionWebServer), "
                + "%d on the generated API (ProvisionWebServerWithGeneratedApi)%n", resources, generated);
        assertTrue(resources < generated, resources + " lines is not shorter than " + generated);
        String stated = "(" + resources + " non-blank, non-comment lines here, " + generated + " there)";
        assertTrue(Files.readString(Path.of("../README.md")).contains(stated), "README.md must state " + stated);
    }

    static long codeLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("//") && !l.startsWith("/*") && !l.startsWith("*"))
                .count();
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin) + begin.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
