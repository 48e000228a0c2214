package io.toastcloud.compute.benchmarks.coldstart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.benchmarks.server.CannedResponses;
import io.toastcloud.compute.benchmarks.server.CannedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The phase probes of the cold-start programs, and how {@link ColdStart} reads them back. No timing is asserted. */
class PhaseProbesTest {
    private static final String P = Phases.class.getName();

    @Test
    void aClientRunReportsEachOfItsPhasesOnce() throws Exception {
        String previous = System.setProperty("coldstart.phases", "true");
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (CannedServer server = CannedServer.start(CannedResponses.fromBundledContract())) {
            System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            long before = Phases.epochMicros();
            ClientMain.main(new String[] {server.endpoint(), "DEFAULT"});
            long after = Phases.epochMicros();
            String stderr = said.toString(StandardCharsets.UTF_8);
            assertEquals(1, stderr.lines().filter(l -> l.startsWith(PhaseLine.MARK + " ")).count(), stderr);
            PhaseLine phases = PhaseLine.parse(stderr, before, after);
            assertNotNull(phases, stderr);
            for (double ms : new double[] {phases.jvmStart(), phases.contract(), phases.build(), phases.firstCall(), phases.exit()}) {
                assertTrue(ms >= 0, stderr);
            }
        } finally {
            System.setErr(err);
            System.setOut(out);
            if (previous == null) {
                System.clearProperty("coldstart.phases");
            } else {
                System.setProperty("coldstart.phases", previous);
            }
        }
    }

    @Test
    void aRunWithoutTheLineHasNoPhases() {
        assertNull(PhaseLine.parse("coldstart-peak-rss-kb=1000\n", 0, 0));
    }

    @Test
    void theJvmsStartAndExitComeFromTheParentsClock() {
        PhaseLine p = PhaseLine.parse("x\n" + PhaseLine.MARK + " entered=5000 contract=1500 build=2500 firstCall=3500 left=20000\n",
                1000, 26000);
        assertEquals(new PhaseLine(4.0, 1.5, 2.5, 3.5, 6.0), p);
    }

    @Test
    void aClassLoadLogSplitsAtTheMarkers(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("client.log");
        Files.write(log, List.of(
                "[0.01s][info][class,load] java.lang.Object source: shared objects file",
                "[0.02s][info][class,load] some.Main source: file:/x.jar",
                "[0.03s][info][class,load] " + P + " source: file:/x.jar",
                "[0.04s][info][class,load] a.Contract source: file:/c.jar",
                "[0.05s][info][class,load] " + P + "$AfterContract source: file:/x.jar",
                "[0.06s][info][class,load] java.util.Foo source: shared objects file",
                "[0.07s][info][class,load] " + P + "$AfterBuild source: file:/x.jar",
                "[0.08s][info][class,load] b.Call source: __JVM_LookupDefineClass__",
                "[0.09s][info][class,load] " + P + "$AfterFirstCall source: file:/x.jar",
                "[0.10s][info][class,load] java.lang.Shutdown source: shared objects file"));
        ClassLoadPhases c = ClassLoadPhases.count(log);
        assertArrayEquals(new int[] {3, 2, 2, 2, 1}, c.all());
        assertArrayEquals(new int[] {2, 2, 1, 2, 0}, c.notShared());
    }

    @Test
    void aBaselinesClassesAfterMainAreItsFirstCall(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("baseline.log");
        Files.write(log, List.of(
                "[0.02s][info][class,load] some.Main source: file:/x.jar",
                "[0.03s][info][class,load] " + P + " source: file:/x.jar",
                "[0.04s][info][class,load] java.net.URL source: shared objects file",
                "[0.09s][info][class,load] " + P + "$AfterFirstCall source: file:/x.jar"));
        ClassLoadPhases c = ClassLoadPhases.count(log);
        assertArrayEquals(new int[] {2, 0, 0, 2, 0}, c.all());
        assertEquals(" | 2 (2) | 0 (0) | 0 (0) | 2 (1) | 0 (0) | 4 (3)", c.tableCells());
    }
}
