package io.toastcloud.compute.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.examples.EveryOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's bar for the client's surface: a program that uses every operation compiles with
 * no {@code null} argument and no cast ({@link EveryOperation}, compiled with these tests), and
 * it really runs: each of the contract's operations is answered with success by the emulator.
 */
class EveryOperationTest {
    private static final Path SOURCE = Path.of("src/test/java/io/toastcloud/compute/examples/EveryOperation.java");

    @Test
    void everyOperationRunsAgainstTheEmulator() {
        Set<String> succeeded = ConcurrentHashMap.newKeySet();
        try (EmulatorHarness emulator = EmulatorHarness.onManualClock(b -> b.observer(e -> {
                    if (e.resultCode() == 0 && e.operationId() != null) {
                        succeeded.add(e.operationId());
                    }
                }));
                ToastComputeClient toast = emulator.client(EmulatorHarness.freshAppkey())) {
            EveryOperation.run(toast, EmulatorUser.DEFAULT.name(), EmulatorUser.DEFAULT.password(), SshKeysTest.ED25519);
            emulator.verify();
        }
        assertEquals(new TreeSet<>(Contract.bundled().operations().keySet()), new TreeSet<>(succeeded),
                "operations the program had answered with success");
    }

    @Test
    void theProgramHasNoNullArgumentAndNoCast() throws IOException {
        String code = withoutComments(Files.readString(SOURCE));
        assertTrue(code.contains("EveryOperation"), "read the program's source: " + SOURCE.toAbsolutePath());
        // null as an argument: right after "(" or "," and before "," or ")".
        List<String> nulls = find(Pattern.compile("[(,]\\s*null\\s*[,)]"), code);
        // A cast: a parenthesised type name (optionally generic or an array) followed by a value.
        List<String> casts = find(Pattern.compile("\\(\\s*[A-Z][\\w.]*(<[^()]*>)?(\\[\\])?\\s*\\)\\s*[\\w(\"]"), code);
        assertEquals(List.of(), nulls, "null in the every-operation program");
        assertEquals(List.of(), casts, "casts in the every-operation program");
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    private static List<String> find(Pattern pattern, String code) {
        List<String> found = new java.util.ArrayList<>();
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            int line = code.substring(0, m.start()).split("\n", -1).length;
            found.add("line " + line + ": " + m.group());
        }
        return found;
    }
}
