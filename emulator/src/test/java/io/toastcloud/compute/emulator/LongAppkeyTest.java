package io.toastcloud.compute.emulator;

import static io.toastcloud.compute.emulator.RawApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, an appkey of any length and characters is kept as well as in memory (issue 12, item 7). */
class LongAppkeyTest {
    @TempDir
    Path dataDir;

    @Test
    void anEightThousandCharacterAppkeyWithOddCharactersIsSavedAndRestored() {
        String odd = "한글 é✓ ~!$&'()*+,;=:@-._%";
        String appkey = odd + "k".repeat(8_000 - odd.length() - 1) + "A";
        String sibling = appkey.substring(0, appkey.length() - 1) + "B"; // differs in the last character only
        assertEquals(8_000, appkey.length());
        String token;
        String group;
        try (EmulatorServer first = start()) {
            RawApi api = new RawApi(first.endpoint(), encoded(appkey)).login();
            token = api.token();
            group = ok(api.post("/security-groups", SecurityGroupTest.group("web", "long appkey"))).at("/securityGroup/id").asText();
            new RawApi(first.endpoint(), encoded(sibling)).login();
        }
        try (EmulatorServer second = start()) {
            RawApi api = new RawApi(second.endpoint(), encoded(appkey)).withToken(token);
            assertEquals(group, ok(api.get("/security-groups?id=" + group)).at("/securityGroups/0/id").asText(),
                    "the long appkey's group and token are back");
            RawApi other = new RawApi(second.endpoint(), encoded(sibling)).login();
            List<String> names = new java.util.ArrayList<>();
            ok(other.get("/security-groups")).path("securityGroups").forEach(g -> names.add(g.path("name").asText()));
            assertEquals(List.of("default"), names, "an appkey differing in its last character has its own state");
        }
    }

    private EmulatorServer start() {
        return EmulatorServer.start(EmulatorConfig.builder().port(0).dataDir(dataDir).build());
    }

    /** A path segment: every character but the unreserved ones percent-encoded as UTF-8. */
    private static String encoded(String appkey) {
        return URLEncoder.encode(appkey, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
