package io.toastcloud.compute.emulator;

import io.toastcloud.compute.testsupport.ManualClock;

import static io.toastcloud.compute.emulator.Fixtures.instanceStatus;
import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, a restart loses nothing that was acknowledged, and pending transitions go on. */
class PersistenceTest {
    private static final List<String> LISTS = List.of("/instances-detail", "/volumes", "/keypairs", "/security-groups",
            "/security-group-rules", "/floating-ips", "/images");

    @TempDir
    Path dataDir;

    private final ManualClock clock = ManualClock.at("2026-05-16T02:17:50Z");
    private final ContractResponses responses = new ContractResponses();

    private EmulatorServer start() {
        return EmulatorServer.start(EmulatorConfig.builder().port(0).dataDir(dataDir).clock(clock).observer(responses).build());
    }

    @Test
    void aRestartKeepsEveryAcknowledgedChangeAndTheTokensAndResumesTransitions() throws IOException {
        String appkey = EmulatorHarness.freshAppkey();
        String token;
        String building;
        String creatingVolume;
        List<JsonNode> before;
        try (EmulatorServer first = start()) {
            RawApi api = new RawApi(first.endpoint(), appkey).login();
            token = api.token();
            String active = Fixtures.instance(api, "web-01");
            clock.advance(Transition.INSTANCE_BUILD.defaultDelay());
            String volume = Fixtures.availableVolume(clock, api, "data");
            ok(api.post("/instances/" + active + "/attachments", VolumeTest.attach(volume)));
            String group = ok(api.post("/security-groups", SecurityGroupTest.group("web", "w"))).at("/securityGroup/id").asText();
            ok(api.post("/security-group-rules", "{\"securityGroupRule\":{\"securityGroupId\":\"" + group
                    + "\",\"direction\":\"ingress\",\"protocol\":\"udp\"}}"));
            String address = ok(api.post("/floating-ips", "{\"pool\":{\"id\":\"" + ValidationTest.POOL + "\"}}"))
                    .at("/floatingip/floatingIpAddress").asText();
            ok(Fixtures.action(api, active, FloatingIpTest.add(address,
                    Fixtures.instanceDetail(api, active).at("/addresses/0/ipAddress").asText())));
            building = Fixtures.instance(api, "web-02");
            creatingVolume = Fixtures.volume(api, "logs", 20);
            before = lists(api);
        }
        try (EmulatorServer second = start()) {
            RawApi api = new RawApi(second.endpoint(), appkey).withToken(token);
            assertEquals(before, lists(api), "everything acknowledged before the restart, and the token, are back");
            assertEquals("BUILD", instanceStatus(api, building));
            assertEquals("attaching", ok(api.get("/volumes")).at("/volumes/0/status").asText());
            clock.advance(Transition.INSTANCE_BUILD.defaultDelay());
            assertEquals("ACTIVE", instanceStatus(api, building), "the pending build finished after the restart");
            assertEquals("available", Fixtures.volumeStatus(api, creatingVolume));
            assertEquals("in-use", ok(api.get("/volumes")).at("/volumes/0/status").asText());
            assertEquals(List.of(), second.consistencyProblems());
        }
        assertEquals(List.of(), responses.drainProblems());
    }

    @Test
    void eachAnswerIsOnDiskBeforeItIsSentAndTheFilesHoldNoPasswords() throws IOException {
        try (EmulatorServer server = start()) {
            RawApi api = new RawApi(server.endpoint(), EmulatorHarness.freshAppkey()).login();
            for (int n = 0; n < 5; n++) {
                String id = ok(api.post("/security-groups", SecurityGroupTest.group("g" + n, "d"))).at("/securityGroup/id").asText();
                assertTrue(snapshots().contains(id), "the group is saved before its creation is answered");
            }
            String text = snapshots();
            assertFalse(text.contains(EmulatorUser.DEFAULT.password()), "no password in the data directory");
            try (Stream<Path> files = Files.list(dataDir)) {
                List<String> all = files.map(f -> f.getFileName().toString()).sorted().toList();
                assertEquals(List.of("emulator.lock", "state.journal"), all, "one journal for every appkey, no temporary files");
            }
            Path journal = dataDir.resolve("state.journal");
            if (Files.getFileStore(journal).supportsFileAttributeView("posix")) {
                assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                        Files.getPosixFilePermissions(journal), "the journal holds token ids: owner only");
            }
        }
        assertEquals(List.of(), responses.drainProblems());
    }

    @Test
    void stepsThatFellDueWhileStoppedAreAppliedAtTheNextLook() {
        String appkey = EmulatorHarness.freshAppkey();
        String token;
        String id;
        try (EmulatorServer first = start()) {
            RawApi api = new RawApi(first.endpoint(), appkey).login();
            token = api.token();
            id = Fixtures.instance(api, "web-01");
            ok(api.delete("/instances?id=" + id));
        }
        clock.advance(Transition.INSTANCE_DELETE.defaultDelay());
        try (EmulatorServer second = start()) {
            RawApi api = new RawApi(second.endpoint(), appkey).withToken(token);
            assertEquals(0, ok(api.get("/instances")).path("instances").size());
        }
        assertEquals(List.of(), responses.drainProblems());
    }

    @Test
    void aChangeAnOperationMakesWhileWalkingEveryRecordIsSavedToo() {
        String appkey = EmulatorHarness.freshAppkey();
        String token;
        String web;
        try (EmulatorServer first = start()) {
            RawApi api = new RawApi(first.endpoint(), appkey).login();
            token = api.token();
            web = ok(api.post("/security-groups", SecurityGroupTest.group("web", "w"))).at("/securityGroup/id").asText();
            String db = ok(api.post("/security-groups", SecurityGroupTest.group("db", "d"))).at("/securityGroup/id").asText();
            ok(api.post("/security-group-rules", "{\"securityGroupRule\":{\"securityGroupId\":\"" + web
                    + "\",\"direction\":\"ingress\",\"remoteGroupId\":\"" + db + "\"}}"));
            // Deleting db removes web's rule that refers to it: web is reached by a walk over every group.
            ok(api.delete("/security-groups?id=" + db));
        }
        try (EmulatorServer second = start()) {
            RawApi api = new RawApi(second.endpoint(), appkey).withToken(token);
            assertEquals(2, ok(api.get("/security-groups?id=" + web)).at("/securityGroups/0/securityGroupRules").size(),
                    "after the restart web has its two default egress rules, not the rule to the deleted group");
            assertEquals(List.of(), second.consistencyProblems());
        }
        assertEquals(List.of(), responses.drainProblems());
    }

    private List<JsonNode> lists(RawApi api) {
        return LISTS.stream().map(path -> ok(api.get(path))).toList();
    }

    private String snapshots() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path f : files.toList()) {
                // ISO-8859-1: every byte a character; the records inside are UTF-8 JSON, their ids ASCII.
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
