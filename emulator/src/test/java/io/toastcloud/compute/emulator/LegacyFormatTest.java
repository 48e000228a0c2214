package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.testsupport.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory of the previous format (one {@code appkey-<hex>.json} snapshot per appkey,
 * state format version 1) is converted at the first start; a version this emulator does not know
 * is refused with a message naming it, and nothing is changed.
 */
class LegacyFormatTest {
    /** Written by the emulator of commit 5ef40ea (the last with snapshot files): a group, a key pair, a volume being created. */
    private static final String FIXTURE = "appkey-6c65676163792d6170706b6579.json";
    private static final String APPKEY = "legacy-appkey";

    @TempDir
    Path dataDir;

    /** The fixture's clock: its token is still valid. */
    private final ManualClock clock = ManualClock.at("2026-05-16T02:17:50Z");

    @Test
    void aVersionOneSnapshotIsConvertedAndItsStateAndTokenAreKept() throws IOException {
        String token = copyFixture(fixture());
        try (EmulatorServer server = start()) {
            RawApi api = new RawApi(server.endpoint(), APPKEY).withToken(token);
            assertEquals(List.of("default", "legacy-web"), names(ok(api.get("/security-groups")).path("securityGroups")));
            assertEquals(List.of("legacy-key"), names(ok(api.get("/keypairs")).path("keypairs")));
            assertEquals("creating", ok(api.get("/volumes")).at("/volumes/0/status").asText());
            clock.advance(Transition.VOLUME_CREATE.defaultDelay());
            assertEquals("available", ok(api.get("/volumes")).at("/volumes/0/status").asText(), "its pending step was kept");
            ok(api.post("/security-groups", SecurityGroupTest.group("after", "written after the conversion")));
            assertEquals(List.of(), server.consistencyProblems());
        }
        assertEquals(List.of("emulator.lock", "state.journal"), files(), "the snapshot file is gone once converted");
        try (EmulatorServer again = start()) {
            RawApi api = new RawApi(again.endpoint(), APPKEY).withToken(token);
            assertEquals(List.of("default", "legacy-web", "after"), names(ok(api.get("/security-groups")).path("securityGroups")));
        }
    }

    @Test
    void aSnapshotOfAnUnknownVersionIsRefusedNamingTheVersionAndTheFile() throws IOException {
        copyFixture(fixture().replaceFirst("\"version\":1", "\"version\":7"));
        UncheckedIOException refused = assertThrows(UncheckedIOException.class, this::start);
        String message = refused.getCause().getMessage();
        assertTrue(message.contains(FIXTURE) && message.contains("state format version 7") && message.contains("version 1"),
                message);
        assertEquals(List.of(FIXTURE, "emulator.lock"), files(), "nothing converted, nothing removed");
    }

    @Test
    void aJournalOfAnUnknownVersionIsRefusedNamingTheVersion() throws IOException {
        Files.write(dataDir.resolve("state.journal"), ByteBuffer.allocate(12)
                .put("TOASTEMU".getBytes(StandardCharsets.US_ASCII)).putInt(3).array());
        UncheckedIOException refused = assertThrows(UncheckedIOException.class, this::start);
        String message = refused.getCause().getMessage();
        assertTrue(message.contains("state format version 3") && message.contains("version 2"), message);
    }

    private EmulatorServer start() {
        return EmulatorServer.start(EmulatorConfig.builder().port(0).dataDir(dataDir).clock(clock).build());
    }

    private static String fixture() throws IOException {
        try (InputStream in = LegacyFormatTest.class.getResourceAsStream("/legacy-v1/" + FIXTURE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Puts the snapshot in the data directory; returns the token id it holds. */
    private String copyFixture(String json) throws IOException {
        Files.writeString(dataDir.resolve(FIXTURE), json);
        return RawApi.JSON.readTree(json).path("tokens").fieldNames().next();
    }

    private static List<String> names(Iterable<com.fasterxml.jackson.databind.JsonNode> nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> all = Files.list(dataDir)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
