package io.toastcloud.compute.emulator;

import io.toastcloud.compute.emulator.control.ManualClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything an {@link EmulatorServer} can be told. Immutable; build it with {@link #builder()}. */
public final class EmulatorConfig {
    /** The port the emulator listens on when none is given. */
    public static final int DEFAULT_PORT = 8787;
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);
    public static final int DEFAULT_FLOATING_IPS = 8;
    public static final int DEFAULT_THREADS = 32;
    /** Instances, volumes and images whose name starts with this end in their failure status. */
    public static final String DEFAULT_FAILURE_PREFIX = "fail-";

    private final int port;
    private final Path dataDir;
    private final List<EmulatorUser> users;
    private final Duration tokenLifetime;
    private final Delays delays;
    private final int floatingIpsPerAppkey;
    private final int threads;
    private final String failurePrefix;
    private final Clock clock;
    private final ExchangeObserver observer;
    private final boolean controlPlane;

    private EmulatorConfig(Builder b) {
        this.port = b.port;
        this.dataDir = b.dataDir;
        this.users = List.copyOf(b.users.isEmpty() ? List.of(EmulatorUser.DEFAULT) : b.users);
        this.tokenLifetime = b.tokenLifetime;
        this.delays = b.delays;
        this.floatingIpsPerAppkey = b.floatingIpsPerAppkey;
        this.threads = b.threads;
        this.failurePrefix = b.failurePrefix;
        this.clock = b.clock;
        this.observer = b.observer;
        this.controlPlane = b.controlPlane;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: port 8787, the demo user, no data directory, default delays. */
    public static EmulatorConfig defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.dataDir = dataDir;
        b.users.addAll(users);
        b.tokenLifetime = tokenLifetime;
        b.delays = delays;
        b.floatingIpsPerAppkey = floatingIpsPerAppkey;
        b.threads = threads;
        b.failurePrefix = failurePrefix;
        b.clock = clock;
        b.observer = observer;
        b.controlPlane = controlPlane;
        return b;
    }

    public int port() {
        return port;
    }

    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    public List<EmulatorUser> users() {
        return users;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    public Delays delays() {
        return delays;
    }

    public int floatingIpsPerAppkey() {
        return floatingIpsPerAppkey;
    }

    public int threads() {
        return threads;
    }

    public String failurePrefix() {
        return failurePrefix;
    }

    public Clock clock() {
        return clock;
    }

    public ExchangeObserver observer() {
        return observer;
    }

    /** Whether the control plane answers under {@code /_emulator/} (see {@link Builder#controlPlane(boolean)}). */
    public boolean controlPlane() {
        return controlPlane;
    }

    @Override
    public String toString() {
        return "EmulatorConfig[port=" + port + ", dataDir=" + dataDir + ", users=" + users + ", tokenLifetime="
                + tokenLifetime + ", " + delays + ", floatingIpsPerAppkey=" + floatingIpsPerAppkey + ", threads="
                + threads + ", failurePrefix='" + failurePrefix + "', clock=" + clock + ", controlPlane=" + controlPlane
                + "]";
    }

    /** Configures an emulator; every setting has a default. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private Path dataDir;
        private final List<EmulatorUser> users = new ArrayList<>();
        private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
        private Delays delays = Delays.defaults();
        private int floatingIpsPerAppkey = DEFAULT_FLOATING_IPS;
        private int threads = DEFAULT_THREADS;
        private String failurePrefix = DEFAULT_FAILURE_PREFIX;
        private Clock clock = Clock.systemUTC();
        private ExchangeObserver observer = ExchangeObserver.NONE;
        private boolean controlPlane = true;

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 picks a free one (read it back with {@link EmulatorServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Keep the state in this directory: loaded at start, written after every change. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Adds a user; without any, the emulator has {@link EmulatorUser#DEFAULT}. */
        public Builder user(EmulatorUser user) {
            users.add(Objects.requireNonNull(user, "user"));
            return this;
        }

        public Builder user(String name, String password) {
            return user(EmulatorUser.of(name, password));
        }

        public Builder tokenLifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "tokenLifetime");
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("the token lifetime must be positive");
            }
            this.tokenLifetime = lifetime;
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

        /** How many addresses each appkey's floating IP pool has (then createFloatingIp answers 20001). */
        public Builder floatingIpsPerAppkey(int count) {
            if (count < 0 || count > 200) {
                throw new IllegalArgumentException("floating IPs per appkey must be 0 to 200, was " + count);
            }
            this.floatingIpsPerAppkey = count;
            return this;
        }

        /** Worker threads answering requests (the bound of concurrent requests in progress). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /** Names starting with this fail (instance ERROR, volume error, image killed); empty: never. */
        public Builder failurePrefix(String prefix) {
            this.failurePrefix = Objects.requireNonNull(prefix, "failurePrefix");
            return this;
        }

        /** The clock of token expiry and status transitions (tests pass one they can advance). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A {@link ManualClock} starting now: transitions and token expiry happen only when the
         * clock is advanced ({@link EmulatorServer#advanceClock}) or transitions are finished
         * ({@link EmulatorServer#finishPendingTransitions}).
         */
        public Builder manualClock() {
            return clock(ManualClock.startingNow());
        }

        /**
         * Whether the control plane answers under {@code /_emulator/} on the API's port (reset,
         * state, clock, fault rules; see docs/EMULATOR.md). On by default when embedded; the
         * standalone jar turns it on only with {@code --control-plane}. Off, those paths answer
         * like any path of no operation (-7).
         */
        public Builder controlPlane(boolean enabled) {
            this.controlPlane = enabled;
            return this;
        }

        public Builder observer(ExchangeObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(this);
        }
    }
}
