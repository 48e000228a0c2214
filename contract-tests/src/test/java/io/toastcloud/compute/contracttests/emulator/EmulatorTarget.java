package io.toastcloud.compute.contracttests.emulator;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.emulator.EmulatorConfig;
import io.toastcloud.compute.emulator.EmulatorServer;
import io.toastcloud.compute.emulator.EmulatorUser;
import java.util.List;
import java.util.function.Consumer;

/**
 * An in-process emulator on a free loopback port whose every answer is recorded and validated
 * against the contract ({@link RecordedAnswers}), and clients for it: the client as a user
 * builds it (default transport, retries, request validation), with the emulator's default user.
 */
public final class EmulatorTarget implements AutoCloseable {
    private final RecordedAnswers answers = new RecordedAnswers();
    private final EmulatorServer server;

    private EmulatorTarget(Consumer<EmulatorConfig.Builder> settings) {
        EmulatorConfig.Builder config = EmulatorConfig.builder().port(0);
        settings.accept(config);
        this.server = EmulatorServer.start(config.observer(answers).build());
    }

    /** Starts an emulator with the given settings (port and observer are set here). */
    public static EmulatorTarget start(Consumer<EmulatorConfig.Builder> settings) {
        return new EmulatorTarget(settings);
    }

    public String endpoint() {
        return server.endpoint();
    }

    public RecordedAnswers answers() {
        return answers;
    }

    /** Broken invariants of the emulator's state (references both ways, addresses, devices); empty when consistent. */
    public List<String> consistencyProblems() {
        return server.consistencyProblems();
    }

    /** A client builder for {@code appkey} with the default user's credentials, pointed at this emulator. */
    public ToastComputeClient.Builder client(String appkey) {
        return ToastComputeClient.builder()
                .appkey(appkey)
                .credentials(EmulatorUser.DEFAULT.name(), EmulatorUser.DEFAULT.password())
                .endpoint(server.endpoint());
    }

    @Override
    public void close() {
        server.close();
    }
}
