package io.toastcloud.compute.emulator.junit;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.client.waiter.WaiterConfig;
import io.toastcloud.compute.emulator.Delays;
import io.toastcloud.compute.emulator.EmulatorConfig;
import io.toastcloud.compute.emulator.EmulatorServer;
import io.toastcloud.compute.emulator.EmulatorUser;
import io.toastcloud.compute.emulator.Transition;
import io.toastcloud.compute.emulator.control.ManualClock;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link ToastEmulator}; also usable as a field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ToastEmulatorExtension EMULATOR = ToastEmulatorExtension.builder()
 *         .manualClock().floatingIps(2).build();
 * }</pre>
 *
 * <p>It starts the emulator before the class's first test (a static field or the annotation;
 * an instance field: one emulator per test), gives each test its appkey, resolves the
 * parameters listed on {@link ToastEmulator}, clears the fault rules after each test and checks
 * the state's consistency. The emulator stops when its class (or, shared, the run) is done.
 */
public final class ToastEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
    /** Each transition's delay unless told otherwise: short, so that waiters in real time finish at once. */
    public static final String DEFAULT_DELAY = "10ms";
    /** The appkey of every test under {@link Isolation#RESET}. */
    public static final String RESET_APPKEY = "test-appkey";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ToastEmulatorExtension.class);
    private static final AtomicInteger APPKEYS = new AtomicInteger();
    private static final String EMULATOR = "emulator";
    private static final String APPKEY = "appkey";
    private static final String CLIENT = "client";

    /** Null when declared with the annotation (the options are read from it then). */
    private final EmulatorOptions fixed;
    private volatile EmulatorServer last;

    /** For {@code @ExtendWith} and {@link ToastEmulator}: the options come from the annotation. */
    public ToastEmulatorExtension() {
        this(null);
    }

    private ToastEmulatorExtension(EmulatorOptions options) {
        this.fixed = options;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The emulator of a {@code @RegisterExtension} field, once started (for rules and clock moves outside parameters). */
    public EmulatorServer server() {
        EmulatorServer server = last;
        if (server == null) {
            throw new IllegalStateException("the emulator starts before the class's first test; it has not yet");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RunningEmulator running = running(context);
        running.server().faults().clear();
        String appkey;
        if (running.options().isolation() == Isolation.RESET) {
            running.server().resetAll();
            appkey = RESET_APPKEY;
        } else {
            appkey = "test-" + APPKEYS.incrementAndGet() + "-" + slug(context.getRequiredTestMethod().getName());
        }
        context.getStore(NAMESPACE).put(APPKEY, appkey);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RunningEmulator running = running(context);
        running.server().faults().clear(); // a test's rules are its own
        if (running.options().checkConsistency()) {
            List<String> problems = running.server().consistencyProblems();
            if (!problems.isEmpty()) {
                throw new AssertionError("the emulator's state is inconsistent after this test ("
                        + problems.size() + " problem(s)): " + String.join("; ", problems));
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter p = parameterContext.getParameter();
        Class<?> type = p.getType();
        return type == ToastComputeClient.class || type == EmulatorServer.class || type == URI.class
                || type == String.class && (p.isAnnotationPresent(Appkey.class) || p.isAnnotationPresent(Endpoint.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Parameter p = parameterContext.getParameter();
        RunningEmulator running = running(context);
        if (p.getType() == EmulatorServer.class) {
            return running.server();
        }
        if (p.getType() == URI.class) {
            return running.server().endpointUri();
        }
        if (p.getType() == String.class && p.isAnnotationPresent(Endpoint.class)) {
            return p.getAnnotation(Endpoint.class).servicePath() ? running.server().serviceEndpoint()
                    : running.server().endpoint();
        }
        String appkey = context.getStore(NAMESPACE).get(APPKEY, String.class);
        if (appkey == null || context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(p.getType().getSimpleName() + " " + p.getName()
                    + ": the appkey and the client are per test; take them in a @Test, @BeforeEach or @AfterEach "
                    + "method, not in @BeforeAll or a constructor");
        }
        if (p.getType() == String.class) {
            return appkey;
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(CLIENT, k -> client(running, appkey),
                ToastComputeClient.class);
    }

    /** A client for the test's appkey with the first user's credentials; closed by JUnit after the test. */
    private static ToastComputeClient client(RunningEmulator running, String appkey) {
        EmulatorUser user = running.server().config().users().get(0);
        ToastComputeClient.Builder b = ToastComputeClient.builder().appkey(appkey)
                .credentials(user.name(), user.password()).endpoint(running.server().endpoint());
        ManualClock clock = running.manualClock();
        if (clock != null) {
            // Waiters and retries move the emulator's clock instead of sleeping: no test waits for real.
            b.clock(clock).sleeper(clock::advance)
                    .waiterConfig(new WaiterConfig(Duration.ofHours(1), Duration.ofMillis(100), Duration.ofSeconds(1), 1.5, 0.0));
        } else {
            b.waiterConfig(new WaiterConfig(Duration.ofSeconds(60), Duration.ofMillis(5), Duration.ofMillis(100), 1.5, 0.0));
        }
        return b.build();
    }

    private RunningEmulator running(ExtensionContext context) {
        EmulatorOptions options = fixed != null ? fixed : annotated(context);
        ExtensionContext.Store store = options.shared()
                ? context.getRoot().getStore(NAMESPACE) : context.getStore(NAMESPACE);
        Object key = options.shared() ? List.of(EMULATOR, options.sharingKey()) : EMULATOR;
        RunningEmulator running = store.getOrComputeIfAbsent(key, k -> RunningEmulator.start(options), RunningEmulator.class);
        last = running.server();
        return running;
    }

    /** The options of the nearest {@link ToastEmulator} on the class or a class enclosing it (nested tests). */
    private static EmulatorOptions annotated(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Optional<ToastEmulator> a = AnnotationSupport.findAnnotation(c, ToastEmulator.class);
            if (a.isPresent()) {
                return EmulatorOptions.of(a.get());
            }
        }
        return EmulatorOptions.defaults();
    }

    private static String slug(String name) {
        String s = name.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    /** The options of {@link ToastEmulator}, for a {@code @RegisterExtension} field. */
    public static final class Builder {
        private Delays delays = EmulatorOptions.TEST_DELAYS;
        private final List<EmulatorUser> users = new ArrayList<>();
        private Duration tokenLifetime;
        private int floatingIps = -1;
        private boolean manualClock;
        private Isolation isolation = Isolation.FRESH_APPKEY;
        private boolean checkConsistency = true;
        private boolean shared;
        private Consumer<EmulatorConfig.Builder> configure;

        private Builder() {
        }

        /** Every transition takes {@code each} (default {@value ToastEmulatorExtension#DEFAULT_DELAY}). */
        public Builder delays(Duration each) {
            this.delays = Delays.uniform(each);
            return this;
        }

        public Builder delays(Delays delays) {
            this.delays = Objects.requireNonNull(delays, "delays");
            return this;
        }

        public Builder delay(Transition transition, Duration delay) {
            this.delays = delays.with(transition, delay);
            return this;
        }

        /** A user that may issue tokens (the client uses the first); without any, the emulator's default user. */
        public Builder user(String name, String apiPassword) {
            return user(EmulatorUser.of(name, apiPassword));
        }

        public Builder user(EmulatorUser user) {
            users.add(Objects.requireNonNull(user, "user"));
            return this;
        }

        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Objects.requireNonNull(lifetime, "tokenLifetime");
            return this;
        }

        /** Addresses in each appkey's floating IP pool. */
        public Builder floatingIps(int count) {
            this.floatingIps = count;
            return this;
        }

        /** See {@link ToastEmulator#manualClock()}. */
        public Builder manualClock() {
            this.manualClock = true;
            return this;
        }

        public Builder isolation(Isolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            return this;
        }

        public Builder checkConsistency(boolean check) {
            this.checkConsistency = check;
            return this;
        }

        /** See {@link ToastEmulator#shared()} (not with {@link #configure}: its emulator is its own). */
        public Builder shared() {
            this.shared = true;
            return this;
        }

        /** Anything else of {@link EmulatorConfig} (a data directory, an observer, a failure prefix), applied last. */
        public Builder configure(Consumer<EmulatorConfig.Builder> settings) {
            this.configure = Objects.requireNonNull(settings, "configure");
            return this;
        }

        public ToastEmulatorExtension build() {
            EmulatorOptions options = new EmulatorOptions(delays, List.copyOf(users), tokenLifetime, floatingIps,
                    manualClock, isolation, checkConsistency, shared, configure);
            options.config(); // refuse bad options now, where the field is declared, not at the first test
            return new ToastEmulatorExtension(options);
        }
    }
}
