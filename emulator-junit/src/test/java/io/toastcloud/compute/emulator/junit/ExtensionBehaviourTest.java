package io.toastcloud.compute.emulator.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.emulator.EmulatorServer;
import io.toastcloud.compute.emulator.state.JournalStore;
import io.toastcloud.compute.emulator.state.TenantState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What the extension does to whole test classes, seen from outside: scenario classes (nested,
 * so that Surefire does not run them itself) are run with the JUnit launcher and their results
 * checked.
 */
class ExtensionBehaviourTest {
    private static TestExecutionSummary run(Class<?>... classes) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toList()).build(), listener);
        return listener.getSummary();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** A state no request can produce: an appkey without its default security group. */
    private static void brokenState(Path dir) throws IOException {
        TenantState broken = new TenantState();
        broken.appkey = "broken";
        try (JournalStore store = JournalStore.open(dir)) {
            store.save(broken);
        }
    }

    @Test
    void aTestAfterWhichTheStateIsInconsistentFails(@TempDir Path dir) throws IOException {
        brokenState(dir);
        InconsistentStateScenario.dataDir = dir;
        TestExecutionSummary summary = run(InconsistentStateScenario.class);
        assertEquals(1, summary.getTestsFailedCount());
        Throwable failure = summary.getFailures().get(0).getException();
        assertTrue(failure instanceof AssertionError, failure.toString());
        assertTrue(failure.getMessage().contains("default security group is missing"), failure.getMessage());
    }

    @Test
    void theCheckCanBeTurnedOff(@TempDir Path dir) throws IOException {
        brokenState(dir);
        UncheckedStateScenario.dataDir = dir;
        TestExecutionSummary summary = run(UncheckedStateScenario.class);
        assertEquals(1, summary.getTestsSucceededCount());
        assertEquals(0, summary.getTotalFailureCount());
    }

    @Test
    void sharedClassesUseOneEmulatorThatStopsWithTheRun() {
        SharedScenarioA.PORTS.clear();
        TestExecutionSummary summary = run(SharedScenarioA.class, SharedScenarioB.class);
        assertEquals(2, summary.getTestsSucceededCount(), () -> summary.getFailures().toString());
        assertEquals(2, SharedScenarioA.PORTS.size());
        assertEquals(SharedScenarioA.PORTS.get(0), SharedScenarioA.PORTS.get(1), "one emulator");
        assertTrue(!listening(SharedScenarioA.PORTS.get(0)), "stopped at the end of the run");
    }

    @Test
    void aClassEmulatorStopsWithItsClass() {
        SharedScenarioA.PORTS.clear();
        TestExecutionSummary summary = run(PerClassScenario.class);
        assertEquals(1, summary.getTestsSucceededCount(), () -> summary.getFailures().toString());
        assertTrue(!listening(SharedScenarioA.PORTS.get(0)), "stopped after the class");
    }

    @Test
    void aClientCannotBeTakenBeforeATestHasAnAppkey() {
        TestExecutionSummary summary = run(ClientInBeforeAllScenario.class);
        assertEquals(1, summary.getTotalFailureCount());
        String message = summary.getFailures().get(0).getException().getMessage();
        assertTrue(message.contains("per test") && message.contains("@BeforeAll"), message);
    }

    @Test
    void aBadAnnotationValueIsRefusedNamingTheAttribute() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmulatorOptions.of(BadDelaysScenario.class.getAnnotation(ToastEmulator.class)));
        assertTrue(e.getMessage().contains("@ToastEmulator(delays)") && e.getMessage().contains("soon"), e.getMessage());
    }

    static class InconsistentStateScenario {
        static Path dataDir;

        @RegisterExtension
        static final ToastEmulatorExtension EMULATOR = ToastEmulatorExtension.builder()
                .configure(b -> b.dataDir(dataDir)).build();

        @Test
        void passesByItself(ToastComputeClient client) {
            client.api(FlavorApi.class).listFlavors();
        }
    }

    static class UncheckedStateScenario {
        static Path dataDir;

        @RegisterExtension
        static final ToastEmulatorExtension EMULATOR = ToastEmulatorExtension.builder().checkConsistency(false)
                .configure(b -> b.dataDir(dataDir)).build();

        @Test
        void passes(ToastComputeClient client) {
            client.api(FlavorApi.class).listFlavors();
        }
    }

    @ToastEmulator(shared = true, delays = "5ms")
    static class SharedScenarioA {
        static final List<Integer> PORTS = new CopyOnWriteArrayList<>();

        @Test
        void recordsItsPort(EmulatorServer emulator) {
            PORTS.add(emulator.port());
        }
    }

    @ToastEmulator(shared = true, delays = "5ms")
    static class SharedScenarioB {
        @Test
        void recordsItsPort(EmulatorServer emulator) {
            SharedScenarioA.PORTS.add(emulator.port());
        }
    }

    @ToastEmulator
    static class PerClassScenario {
        @Test
        void recordsItsPort(EmulatorServer emulator) {
            SharedScenarioA.PORTS.add(emulator.port());
        }
    }

    @ToastEmulator
    static class ClientInBeforeAllScenario {
        @BeforeAll
        static void tooEarly(ToastComputeClient client) {
            client.api(FlavorApi.class).listFlavors();
        }

        @Test
        void never() {
        }
    }

    @ToastEmulator(delays = "soon")
    static class BadDelaysScenario {
    }
}
