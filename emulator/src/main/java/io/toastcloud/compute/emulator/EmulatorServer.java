package io.toastcloud.compute.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.RequestValidator;
import io.toastcloud.compute.emulator.auth.TokenService;
import io.toastcloud.compute.emulator.http.ApiHttpHandler;
import io.toastcloud.compute.emulator.http.Router;
import io.toastcloud.compute.emulator.ops.Emulation;
import io.toastcloud.compute.emulator.ops.OperationTable;
import io.toastcloud.compute.emulator.state.Catalog;
import io.toastcloud.compute.emulator.state.Invariants;
import io.toastcloud.compute.emulator.state.Lifecycle;
import io.toastcloud.compute.emulator.state.Persistence;
import io.toastcloud.compute.emulator.state.SnapshotStore;
import io.toastcloud.compute.emulator.state.Tenant;
import io.toastcloud.compute.emulator.state.TenantRegistry;
import io.toastcloud.compute.emulator.state.TenantState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, stateful emulator of the TOAST Compute &amp; Network API, on 127.0.0.1:
 *
 * <pre>{@code
 * try (EmulatorServer emulator = EmulatorServer.start(0)) {          // any free port
 *     ToastComputeClient client = ToastComputeClient.builder()
 *             .appkey("my-appkey").credentials("user@example.com", "my-api-password")
 *             .endpoint(emulator.endpoint()).build();
 *     ...
 * }
 * }</pre>
 *
 * <p>It answers every operation of the bundled contract, keeps each appkey's resources apart,
 * moves them through their statuses after the configured delays, and, given a data directory,
 * saves every change before answering. See docs/EMULATOR.md.
 */
public final class EmulatorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);

    static {
        // The JDK server flushes the response headers and the body in two writes; without
        // TCP_NODELAY the body then waits for the client's delayed ACK, about 40 ms a request
        // (measured here: 20 GETs 1 s without, 50 to 100 ms with). The JDK reads this once, when
        // its first HttpServer is made; a value set by the user wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final EmulatorConfig config;
    private final HttpServer server;
    private final ExecutorService workers;
    private final TenantRegistry tenants;
    private final Catalog catalog;
    private final int port;

    private EmulatorServer(EmulatorConfig config) throws IOException {
        this.config = config;
        Contract contract = Contract.bundled();
        ObjectMapper mapper = ToastComputeClient.objectMapper();
        this.catalog = Catalog.load();
        Lifecycle lifecycle = new Lifecycle(catalog);
        SnapshotStore store = config.dataDir().isPresent() ? new SnapshotStore(config.dataDir().get()) : null;
        Persistence persistence = store == null ? Persistence.NONE : store;
        this.tenants = new TenantRegistry(catalog, lifecycle, config.clock(), persistence);
        TokenService tokens = new TokenService(config.users(), tenants, config.tokenLifetime(), config.clock());
        if (store != null) {
            for (TenantState state : store.loadAll()) {
                tenants.restore(state);
                tokens.restore(state);
            }
        }
        Emulation emulation = new Emulation(contract, mapper, catalog, tenants, lifecycle, tokens, config);
        String tokenHeader = contract.document().at("/components/securitySchemes/XAuthToken/name").asText("X-Auth-Token");
        ApiHttpHandler handler = new ApiHttpHandler(new Router(contract), new RequestValidator(contract), tokens,
                OperationTable.build(emulation), mapper, config.observer(), tokenHeader);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
        this.workers = Executors.newFixedThreadPool(config.threads(), workerThreads());
        server.setExecutor(workers);
        server.createContext("/", handler);
        server.start();
        this.port = server.getAddress().getPort();
        LOG.info("TOAST Compute emulator listening on {} ({} appkey(s) restored{})", endpoint(), tenants.all().size(),
                store == null ? ", state in memory only" : ", data directory " + store.dir());
    }

    /** Starts an emulator; fails with {@link UncheckedIOException} when the port is taken or the data directory unreadable. */
    public static EmulatorServer start(EmulatorConfig config) {
        try {
            return new EmulatorServer(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the emulator on 127.0.0.1:" + config.port(), e);
        }
    }

    /** Starts an emulator with the defaults on {@code port} (0: any free port). */
    public static EmulatorServer start(int port) {
        return start(EmulatorConfig.builder().port(port).build());
    }

    /** The port it listens on (the real one when started on port 0). */
    public int port() {
        return port;
    }

    /** The endpoint to give a client: {@code http://127.0.0.1:<port>} (paths start with /v1.0). */
    public String endpoint() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
    }

    public EmulatorConfig config() {
        return config;
    }

    /** Every broken invariant of every appkey's state (empty when consistent). */
    public List<String> consistencyProblems() {
        List<String> problems = new ArrayList<>();
        for (Tenant tenant : tenants.all()) {
            problems.addAll(tenant.read(tx -> Invariants.problems(tx.state(), catalog, config.floatingIpsPerAppkey())));
        }
        return problems;
    }

    /** Stops listening at once; requests in progress are cut off. The data directory is complete. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("some requests of the emulator on port {} were still running when it stopped", port);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("TOAST Compute emulator on port {} stopped", port());
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "toast-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
