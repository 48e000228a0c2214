package io.toastcloud.compute.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.RequestValidator;
import io.toastcloud.compute.emulator.auth.TokenService;
import io.toastcloud.compute.emulator.control.ControlHttpHandler;
import io.toastcloud.compute.emulator.control.EmulatorControl;
import io.toastcloud.compute.emulator.control.FaultRules;
import io.toastcloud.compute.emulator.control.FaultingHandler;
import io.toastcloud.compute.emulator.http.ApiHttpHandler;
import io.toastcloud.compute.emulator.http.Router;
import io.toastcloud.compute.emulator.ops.Emulation;
import io.toastcloud.compute.emulator.ops.OperationTable;
import io.toastcloud.compute.emulator.state.Catalog;
import io.toastcloud.compute.emulator.state.Invariants;
import io.toastcloud.compute.emulator.state.Lifecycle;
import io.toastcloud.compute.emulator.state.Persistence;
import io.toastcloud.compute.emulator.state.JournalStore;
import io.toastcloud.compute.emulator.state.Tenant;
import io.toastcloud.compute.emulator.state.TenantRegistry;
import io.toastcloud.compute.emulator.state.TenantState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * saves every change before answering. It serves the API's paths with and without the real
 * service's base path ({@code /v1.0/...} and {@code /compute/v1.0/...}, the same state), and, unless
 * {@link EmulatorConfig.Builder#controlPlane(boolean) turned off}, a control plane under
 * {@code /_emulator/} whose every action is also a method here: {@link #reset}, {@link #state},
 * {@link #advanceClock}, {@link #finishPendingTransitions}, {@link #faults()}. See docs/EMULATOR.md.
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
        // Past 200 header lines the JDK closes the connection without an answer. Raised so far
        // that its limit on the header section's size (sun.net.httpserver.maxReqHeaderSize,
        // 380 KiB) always comes first: any request within it gets the envelope (docs/EMULATOR.md).
        if (System.getProperty("sun.net.httpserver.maxReqHeaders") == null) {
            System.setProperty("sun.net.httpserver.maxReqHeaders", "100000");
        }
    }

    private final EmulatorConfig config;
    private final HttpServer server;
    private final ExecutorService workers;
    private final TenantRegistry tenants;
    private final Persistence persistence;
    private final Catalog catalog;
    private final EmulatorControl control;
    private final FaultRules faults;
    private final String servicePrefix;
    private final int port;

    private EmulatorServer(EmulatorConfig config) throws IOException {
        this.config = config;
        Contract contract = Contract.bundled();
        ObjectMapper mapper = ToastComputeClient.objectMapper();
        this.catalog = Catalog.load();
        Lifecycle lifecycle = new Lifecycle(catalog);
        JournalStore store = config.dataDir().isPresent() ? JournalStore.open(config.dataDir().get()) : null;
        this.persistence = store == null ? Persistence.NONE : store;
        try {
            this.tenants = new TenantRegistry(catalog, lifecycle, config.clock(), persistence);
            TokenService tokens = new TokenService(config.users(), tenants, config.tokenLifetime(), config.clock());
            if (store != null) {
                for (TenantState state : store.loaded()) {
                    tenants.restore(state);
                    tokens.restore(state);
                }
            }
            Emulation emulation = new Emulation(contract, mapper, catalog, tenants, lifecycle, tokens, config);
            String tokenHeader = contract.document().at("/components/securitySchemes/XAuthToken/name").asText("X-Auth-Token");
            Router router = new Router(contract);
            this.servicePrefix = router.servicePrefix().orElse("");
            ApiHttpHandler api = new ApiHttpHandler(router,
                    // Judged as sent: a null the contract does not mark nullable is invalid (not "absent").
                    new RequestValidator(contract, RequestValidator.Nulls.AS_SENT), tokens,
                    OperationTable.build(emulation), mapper, config.observer(), tokenHeader);
            this.faults = new FaultRules(contract);
            this.control = new EmulatorControl(tenants, tokens, lifecycle, config.clock());
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
            this.workers = Executors.newFixedThreadPool(config.threads(), workerThreads());
            server.setExecutor(workers);
            server.createContext("/", new FaultingHandler(api, router, faults, mapper, config.observer()));
            if (config.controlPlane()) {
                // The longest matching context wins: only /_emulator/... comes here, never an API path.
                server.createContext(ControlHttpHandler.ROOT + "/", new ControlHttpHandler(control, faults,
                        this::consistencyProblems));
            }
            server.start();
        } catch (IOException | RuntimeException e) {
            persistence.close(); // the data directory stays usable by the next start
            throw e;
        }
        this.port = server.getAddress().getPort();
        LOG.info("TOAST Compute emulator listening on {} ({} appkey(s) restored{}{})", endpoint(), tenants.all().size(),
                store == null ? ", state in memory only" : ", data directory " + store.dir(),
                config.controlPlane() ? ", control plane on " + endpoint() + ControlHttpHandler.ROOT + "/" : "");
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

    /**
     * The endpoint to give a client: {@code http://127.0.0.1:<port>} (paths start with /v1.0).
     * {@link #serviceEndpoint()} works as well.
     */
    public String endpoint() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
    }

    /** {@link #endpoint()} with the real service's base path: {@code http://127.0.0.1:<port>/compute}. */
    public String serviceEndpoint() {
        return endpoint() + servicePrefix;
    }

    /** {@link #endpoint()} as a URI. */
    public URI endpointUri() {
        return URI.create(endpoint());
    }

    /** Where the control plane answers: {@code http://127.0.0.1:<port>/_emulator} (when it is on). */
    public String controlEndpoint() {
        return endpoint() + ControlHttpHandler.ROOT;
    }

    /** The appkeys that have a state (used at least once, or restored), sorted. */
    public List<String> appkeys() {
        return control.appkeys();
    }

    /**
     * Forgets one appkey as a fresh service would: its resources (its next request finds only the
     * {@code default} security group), in memory and on disk, and its tokens (a client's next call
     * answers 50401 and the Java client issues a new token by itself). False when the appkey was
     * never used.
     */
    public boolean reset(String appkey) {
        return control.reset(appkey);
    }

    /** Resets every appkey ({@link #reset}) and compacts the saved state; returns how many there were. */
    public int resetAll() {
        return control.resetAll();
    }

    /** One appkey's state as JSON (token ids left out), after the transitions that fell due; empty when never used. */
    public Optional<ObjectNode> state(String appkey) {
        return control.state(appkey);
    }

    /** The emulator's time (of its clock). */
    public Instant now() {
        return control.now();
    }

    /**
     * Moves a manual clock ({@link EmulatorConfig.Builder#manualClock()}) forward: what falls due
     * by then happens.
     *
     * @throws IllegalStateException when the emulator runs on real time
     */
    public Instant advanceClock(Duration by) {
        return control.advanceClock(by);
    }

    /** Every pending status transition of every appkey happens now, in planned order; returns how many steps. */
    public int finishPendingTransitions() {
        return control.finishPendingTransitions();
    }

    /** The fault rules in force: add, list, remove, clear them at run time. */
    public FaultRules faults() {
        return faults;
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
        try {
            persistence.close(); // every acknowledged change is on disk already; this releases the directory
        } catch (IOException e) {
            LOG.warn("closing the data directory of the emulator on port {}: {}", port, e.toString());
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
