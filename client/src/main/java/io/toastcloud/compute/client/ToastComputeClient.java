package io.toastcloud.compute.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import io.toastcloud.compute.api.AvailabilityZoneApi;
import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.FloatingIpApi;
import io.toastcloud.compute.api.ImageApi;
import io.toastcloud.compute.api.InstanceActionApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.NetworkApi;
import io.toastcloud.compute.api.SecurityGroupApi;
import io.toastcloud.compute.api.SecurityGroupRuleApi;
import io.toastcloud.compute.api.SubnetApi;
import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.client.auth.IssuedToken;
import io.toastcloud.compute.client.auth.TokenManager;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.RequestValidator;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.client.error.RequestValidationException;
import io.toastcloud.compute.client.error.ServiceExceptions;
import io.toastcloud.compute.contract.Violation;
import io.toastcloud.compute.client.http.AuthTokenInterceptor;
import io.toastcloud.compute.client.http.ContractInvocationHandlerFactory;
import io.toastcloud.compute.client.http.EnvelopeDecoder;
import io.toastcloud.compute.client.http.ExceptionTranslator;
import io.toastcloud.compute.client.http.HttpErrorDecoder;
import io.toastcloud.compute.client.http.Redactor;
import io.toastcloud.compute.client.http.RedactingLogger;
import io.toastcloud.compute.client.http.BaseUrlTarget;
import io.toastcloud.compute.client.http.FixedHeaders;
import io.toastcloud.compute.client.http.FixedOptions;
import io.toastcloud.compute.client.http.JsonBodyEncoder;
import io.toastcloud.compute.client.RetryPolicy;
import io.toastcloud.compute.client.http.SecretValues;
import io.toastcloud.compute.client.http.Transports;
import io.toastcloud.compute.client.metrics.ClientMetrics;
import io.toastcloud.compute.client.resource.AvailabilityZones;
import io.toastcloud.compute.client.resource.Flavors;
import io.toastcloud.compute.client.resource.FloatingIps;
import io.toastcloud.compute.client.resource.Images;
import io.toastcloud.compute.client.resource.Instances;
import io.toastcloud.compute.client.resource.Keypairs;
import io.toastcloud.compute.client.resource.Networks;
import io.toastcloud.compute.client.resource.SecurityGroupRules;
import io.toastcloud.compute.client.resource.SecurityGroups;
import io.toastcloud.compute.client.resource.Subnets;
import io.toastcloud.compute.client.resource.Volumes;
import io.toastcloud.compute.client.waiter.ImageWaiters;
import io.toastcloud.compute.client.waiter.InstanceWaiters;
import io.toastcloud.compute.client.waiter.Sleeper;
import io.toastcloud.compute.client.waiter.VolumeWaiters;
import io.toastcloud.compute.client.waiter.Waiter;
import io.toastcloud.compute.client.waiter.WaiterConfig;
import io.toastcloud.compute.model.Token;
import io.toastcloud.compute.model.TokenAuth;
import io.toastcloud.compute.model.TokenIssueRequest;
import io.toastcloud.compute.model.TokenResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one entry point of the TOAST Compute &amp; Network client. Build it once, share it between
 * threads, close it when done:
 *
 * <pre>{@code
 * try (ToastComputeClient toast = ToastComputeClient.builder()
 *         .appkey("my-appkey")
 *         .credentials(Credentials.fromEnvironment())
 *         .build()) {
 *     InstanceSummary web = toast.instances().create(spec);
 *     InstanceDetail running = toast.instances().waitUntilActive(InstanceId.of(web));
 * }
 * }</pre>
 *
 * <p>It hands out resource classes ({@link #instances()}, {@link #volumes()}, ...: create
 * without request wrappers, {@code get(id)} as {@code Optional}, typed ids, waiters that return
 * the detail) over the generated API interfaces, and the interfaces themselves
 * ({@link #api(Class)}), all already wired: the token is issued, cached, sent
 * and renewed for you; every response's envelope is checked and failures are typed exceptions;
 * requests are validated against the contract before they are sent; reads are retried on
 * transient faults; secrets never reach logs, {@code toString()} or exception messages. The
 * appkey is the client's: no method takes it (it is part of the base URL of every API).
 */
public final class ToastComputeClient implements AutoCloseable {
    /** The operation the client calls itself to issue and renew its token. */
    private static final String ISSUE_TOKEN = "issueToken";

    private final Settings settings;
    private final Feign feign;
    private final TokenManager tokens;
    private final Transports.Built transport;
    private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
    private final Waiter waiter;
    private volatile Resources resources;
    /** The endpoint with the path prefix the contract binds to the client, filled in: {@code .../v1.0/appkeys/KEY}. */
    private final String baseUrl;
    /** The methods' constant headers, kept out of Feign's templates (one registry for both Feign instances). */
    private final FixedHeaders fixedHeaders = new FixedHeaders(new feign.Contract.Default());

    /**
     * @param transportStep the built-in transport being made on its own thread (null for the
     *     application's own); a failure here is the builder's to release it after
     */
    private ToastComputeClient(Settings settings, BuildStep<Transports.Built> transportStep) {
        this.settings = settings;
        Contract contract = Contract.bundled();
        ObjectMapper mapper = objectMapper();
        this.transport = settings.customTransport != null
                ? new Transports.Built(settings.customTransport, () -> { }) // the application's own: it closes it
                : Transports.withSecretQueryRouting(transportStep.take(), settings.transport,
                        settings.connectTimeout, contract, settings.proxies);
        try {
            this.baseUrl = settings.endpoint + contract.clientBinding().map(b -> b.expand(settings.appkey)).orElse("");
            RequestValidator validator = RequestValidator.of(contract);
            // Every renewal sends this same request: it is checked against the contract once, here
            // (before any connection exists), instead of with every renewal. The check runs while the
            // rest is set up and is taken before build() returns: its first run loads and compiles
            // the schema validator, which nothing else here needs (docs/BENCHMARKS.md "Cold start").
            TokenIssueRequest renewal = new TokenIssueRequest().auth(new TokenAuth()
                    .username(settings.credentials.username())
                    .password(settings.credentials.apiPassword()));
            BuildStep<List<Violation>> renewalCheck = BuildStep.start("toast-compute-build-validation",
                    () -> validator.validate(contract.operation(ISSUE_TOKEN).orElseThrow(),
                            Map.of("appkey", settings.appkey), mapper.valueToTree(renewal)));
            SecretValues secrets = new SecretValues();
            secrets.add(settings.credentials.apiPassword());
            Redactor redactor = new Redactor(contract, secrets);
            // Token issue goes through its own Feign instance: no token, no re-issue, no retries, and
            // no validation per call (its one request is checked once: renewalCheck).
            TokenApi issuing = feign(settings, contract, null, mapper, redactor, null, RetryPolicy.NONE)
                    .target(new BaseUrlTarget<>(TokenApi.class, baseUrl, fixedHeaders));
            this.tokens = new TokenManager(() -> measured(settings.metrics,
                    () -> issue(issuing, renewal, settings.clock, secrets)),
                    settings.clock, settings.tokenRenewAhead);
            this.feign = feign(settings, contract, validator, mapper, redactor, tokens, settings.retryPolicy).build();
            this.waiter = new Waiter(settings.waiterConfig, settings.clock, settings.sleeper);
            List<Violation> violations = renewalCheck.result();
            if (!violations.isEmpty()) {
                throw new RequestValidationException(ISSUE_TOKEN, violations);
            }
        } catch (RuntimeException | Error failed) {
            // No client comes out of build(): the transport made for it is released.
            try {
                transport.closer().close();
            } catch (IOException | RuntimeException closing) {
                failed.addSuppressed(closing);
            }
            throw failed;
        }
    }

    /** The resource classes, made on first use (not at build: a short program that calls one operation pays for no other proxy); each is a thin, stateless layer over a generated interface. */
    private record Resources(Instances instances, Volumes volumes, Images images, Keypairs keypairs,
            SecurityGroups securityGroups, Networks networks, Subnets subnets, FloatingIps floatingIps,
            Flavors flavors, AvailabilityZones availabilityZones) {
        Resources(ToastComputeClient c) {
            this(new Instances(c.api(InstanceApi.class), c.api(InstanceActionApi.class), c.instanceWaiter()),
                    new Volumes(c.api(BlockStorageApi.class), c.api(InstanceApi.class), c.volumeWaiter()),
                    new Images(c.api(ImageApi.class), c.imageWaiter()),
                    new Keypairs(c.api(KeypairApi.class)),
                    new SecurityGroups(c.api(SecurityGroupApi.class), new SecurityGroupRules(c.api(SecurityGroupRuleApi.class))),
                    new Networks(c.api(NetworkApi.class)),
                    new Subnets(c.api(SubnetApi.class)),
                    new FloatingIps(c.api(FloatingIpApi.class)),
                    new Flavors(c.api(FlavorApi.class)),
                    new AvailabilityZones(c.api(AvailabilityZoneApi.class)));
        }
    }

    private Resources resources() {
        Resources made = resources;
        if (made == null) {
            synchronized (this) {
                made = resources;
                if (made == null) {
                    resources = made = new Resources(this);
                }
            }
        }
        return made;
    }

    /**
     * A Feign builder wired with this client's pieces; without a {@code validator}, the caller has
     * validated the requests itself. With {@code tokens}, every secured call
     * carries the token (set first, so that the caller's interceptors see it).
     */
    private Feign.Builder feign(Settings settings, Contract contract, RequestValidator validator, ObjectMapper mapper,
            Redactor redactor,
            TokenManager tokens, RetryPolicy retryPolicy) {
        AuthTokenInterceptor auth = tokens == null ? null : new AuthTokenInterceptor(contract, tokens);
        Feign.Builder builder = Feign.builder()
                .contract(fixedHeaders)
                .client(transport.client())
                .encoder(new JsonBodyEncoder(mapper))
                .decoder(new EnvelopeDecoder(mapper, new ServiceExceptions(contract)))
                .errorDecoder(new HttpErrorDecoder(redactor))
                .options(options(settings))
                .retryer(Retryer.NEVER_RETRY)
                .logger(new RedactingLogger(settings.wireLogger, redactor))
                .logLevel(settings.logLevel)
                .invocationHandlerFactory(new ContractInvocationHandlerFactory(contract, validator,
                        mapper, tokens, auth, new ExceptionTranslator(redactor), retryPolicy, settings.sleeper, settings.appkey,
                        settings.metrics));
        if (auth != null) {
            builder.requestInterceptor(auth);
        }
        // One by one: Feign's requestInterceptors(Iterable) would replace the ones already set.
        settings.requestInterceptors.forEach(builder::requestInterceptor);
        return builder;
    }

    /** A token issue, reported to the metrics with its time and outcome. */
    private static IssuedToken measured(ClientMetrics metrics, java.util.function.Supplier<IssuedToken> issue) {
        if (metrics == ClientMetrics.NONE) {
            return issue.get();
        }
        long start = System.nanoTime();
        try {
            IssuedToken token = issue.get();
            metrics.tokenIssued(Duration.ofNanos(System.nanoTime() - start), "success");
            return token;
        } catch (RuntimeException e) {
            metrics.tokenIssued(Duration.ofNanos(System.nanoTime() - start), e.getClass().getSimpleName());
            throw e;
        }
    }

    private static IssuedToken issue(TokenApi api, TokenIssueRequest request, Clock clock, SecretValues secrets) {
        TokenResponse response = api.issueToken(request);
        Token token = response.getAccess() == null ? null : response.getAccess().getToken();
        // An expires the client cannot read is null here (ToastTimestampJson, D51): no lifetime, no token.
        if (token == null || token.getId() == null || token.getExpires() == null) {
            throw new MalformedResponseException("issueToken", "the answer has no access.token with id and a readable expires", null);
        }
        secrets.addToken(token.getId());
        return new IssuedToken(token.getId(), clock.instant(), token.getExpires());
    }

    private static Request.Options options(Settings settings) {
        return new FixedOptions(settings.connectTimeout, settings.readTimeout);
    }

    /** The mapper shared by encoder and decoder: unset fields are not sent, unknown fields are read past. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The appkey this client works for. */
    public String appkey() {
        return settings.appkey;
    }

    /**
     * The service root the contract's paths ({@code /v1.0/appkeys/...}) are appended to, as
     * normalized by the builder (no trailing {@code /} or {@code /v1.0}), for example
     * {@code https://api-compute.cloud.toast.com/compute}.
     */
    public URI endpoint() {
        return settings.endpoint;
    }

    /**
     * Any generated API interface of {@code io.toastcloud.compute.api}, wired like the resource
     * classes ({@link #instances()}, ...) that sit on it: every operation of the contract, in its
     * generated shape (request wrappers, response envelopes, {@code String} ids), for example
     * {@code toast.api(InstanceApi.class).listInstanceDetails()} or
     * {@code toast.api(TokenApi.class).getToken(id)}. One instance per interface.
     */
    @SuppressWarnings("unchecked")
    public <T> T api(Class<T> type) {
        return (T) apis.computeIfAbsent(type, t -> feign.newInstance(new BaseUrlTarget<>(t, baseUrl, fixedHeaders)));
    }

    public Instances instances() {
        return resources().instances();
    }

    public Volumes volumes() {
        return resources().volumes();
    }

    public Images images() {
        return resources().images();
    }

    public Keypairs keypairs() {
        return resources().keypairs();
    }

    /** Security groups, and their rules through {@code securityGroups().rules()}. */
    public SecurityGroups securityGroups() {
        return resources().securityGroups();
    }

    public Networks networks() {
        return resources().networks();
    }

    public Subnets subnets() {
        return resources().subnets();
    }

    public FloatingIps floatingIps() {
        return resources().floatingIps();
    }

    public Flavors flavors() {
        return resources().flavors();
    }

    public AvailabilityZones availabilityZones() {
        return resources().availabilityZones();
    }

    /**
     * The instance waiter by raw id, for code on the generated API ({@code api(InstanceApi.class)});
     * {@code instances().waitUntilActive(InstanceId)} is the same waiter.
     */
    public InstanceWaiters instanceWaiter() {
        return new InstanceWaiters(api(InstanceApi.class), waiter, Contract.bundled());
    }

    /** The volume waiter by raw id; {@code volumes().waitUntilAvailable(VolumeId)} is the same waiter. */
    public VolumeWaiters volumeWaiter() {
        return new VolumeWaiters(api(BlockStorageApi.class), waiter, Contract.bundled());
    }

    /** The image waiter by raw id; {@code images().waitUntilActive(ImageId)} is the same waiter. */
    public ImageWaiters imageWaiter() {
        return new ImageWaiters(api(ImageApi.class), waiter, Contract.bundled());
    }

    /** Waiters with other timeouts or polling than the client's. */
    public ToastComputeClient.Waiters waiters(WaiterConfig config) {
        Waiter custom = new Waiter(config, settings.clock, settings.sleeper);
        return new Waiters(new InstanceWaiters(api(InstanceApi.class), custom, Contract.bundled()),
                new VolumeWaiters(api(BlockStorageApi.class), custom, Contract.bundled()),
                new ImageWaiters(api(ImageApi.class), custom, Contract.bundled()));
    }

    /** Waiters sharing one configuration. */
    public record Waiters(InstanceWaiters instances, VolumeWaiters volumes, ImageWaiters images) {
    }

    /** The token holder (for the project's tests and benchmarks: how many tokens were issued). */
    @io.toastcloud.compute.annotation.InternalApi
    public TokenManager tokenManager() {
        return tokens;
    }

    @Override
    public void close() {
        try {
            transport.closer().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the HTTP transport", e);
        }
    }

    @Override
    public String toString() {
        return "ToastComputeClient[appkey=" + settings.appkey + ", endpoint=" + settings.endpoint + ", transport="
                + settings.transport + ", credentials=" + settings.credentials + "]";
    }

    /** Immutable settings, copied out of the builder. */
    private record Settings(String appkey, Credentials credentials, URI endpoint, Duration connectTimeout,
            Duration readTimeout, Transport transport, Logger.Level logLevel, org.slf4j.Logger wireLogger,
            RetryPolicy retryPolicy, WaiterConfig waiterConfig, Duration tokenRenewAhead, Clock clock, Sleeper sleeper,
            List<RequestInterceptor> requestInterceptors, ProxySelector proxies, feign.Client customTransport,
            ClientMetrics metrics) {
    }

    /** Where {@link Builder#fromEnvironment()} reads: system properties, then environment variables. */
    record Environment(Function<String, String> properties, Function<String, String> variables) {
        static final Environment SYSTEM = new Environment(System::getProperty, System::getenv);

        /** The system property if set (not blank), else the variable, else null; with where it came from. */
        Found lookUp(String property, String variable) {
            String value = properties.apply(property);
            if (value != null && !value.isBlank()) {
                return new Found(value, "system property " + property);
            }
            value = variables.apply(variable);
            if (value != null && !value.isBlank()) {
                return new Found(value, "environment variable " + variable);
            }
            return null;
        }

        record Found(String value, String source) {
        }
    }

    /**
     * Configures a {@link ToastComputeClient}. Only {@code appkey} and credentials are required;
     * {@link #fromEnvironment()} reads them, and the endpoint, from the environment.
     */
    public static final class Builder {
        /** System property for the endpoint (read by {@link #fromEnvironment()}). */
        public static final String PROP_ENDPOINT = "toast.compute.endpoint";
        /** Environment variable for the endpoint (read by {@link #fromEnvironment()}). */
        public static final String ENV_ENDPOINT = "TOAST_COMPUTE_ENDPOINT";
        /** System property for the appkey. */
        public static final String PROP_APPKEY = "toast.compute.appkey";
        /** Environment variable for the appkey. */
        public static final String ENV_APPKEY = "TOAST_COMPUTE_APPKEY";

        private String appkey;
        /** Whether {@link #appkey} came from {@link #appkeyFromEnvironment()}, for the message when it is missing. */
        private boolean appkeyFromEnvironment;
        private Credentials credentials;
        private URI endpoint;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Transport transport = Transport.APACHE_HC5;
        private Logger.Level logLevel = Logger.Level.NONE;
        private org.slf4j.Logger wireLogger = org.slf4j.LoggerFactory.getLogger("io.toastcloud.compute.client.wire");
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private WaiterConfig waiterConfig = WaiterConfig.DEFAULT;
        private Duration tokenRenewAhead = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;
        private final List<RequestInterceptor> requestInterceptors = new ArrayList<>();
        private ProxySelector proxies;
        private boolean systemProxy;
        private feign.Client customTransport;
        private ClientMetrics metrics = ClientMetrics.NONE;
        private Environment environment;

        private Builder() {
        }

        /**
         * Reads, at {@link #build()}, whatever was not set on this builder from the environment:
         * <ul>
         *   <li>endpoint: system property {@value #PROP_ENDPOINT}, else variable {@value #ENV_ENDPOINT}
         *       (else the contract's server);</li>
         *   <li>appkey: system property {@value #PROP_APPKEY}, else variable {@value #ENV_APPKEY};</li>
         *   <li>credentials: as {@link Credentials#fromEnvironment()} ({@value Credentials#PROP_USERNAME} /
         *       {@value Credentials#PROP_PASSWORD}, else {@value Credentials#ENV_USERNAME} /
         *       {@value Credentials#ENV_PASSWORD}).</li>
         * </ul>
         * Precedence, whatever the order of the calls: a value set on the builder, then the system
         * property, then the environment variable. A blank value counts as unset.
         */
        public Builder fromEnvironment() {
            return fromEnvironment(Environment.SYSTEM);
        }

        /** {@link #fromEnvironment()} on given look-ups (tests). */
        Builder fromEnvironment(Environment source) {
            this.environment = Objects.requireNonNull(source, "environment");
            return this;
        }

        /** The service's appkey ([URL &amp; Appkey] in the console). */
        public Builder appkey(String appkey) {
            this.appkey = appkey;
            this.appkeyFromEnvironment = false;
            return this;
        }

        /** Reads the appkey from the system property {@code toast.compute.appkey} or the variable {@code TOAST_COMPUTE_APPKEY}. */
        public Builder appkeyFromEnvironment() {
            Environment.Found found = Environment.SYSTEM.lookUp(PROP_APPKEY, ENV_APPKEY);
            this.appkey = found == null ? null : found.value();
            this.appkeyFromEnvironment = true;
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder credentials(String username, String apiPassword) {
            return credentials(Credentials.of(username, apiPassword));
        }

        /**
         * The service root; by default the contract's server ({@code https://api-compute.cloud.toast.com/compute}).
         * A trailing {@code /} or {@code /v1.0} is dropped; the real service's host alone gets its
         * {@code /compute}. Refused at once, with the rule named, unless it is an http or https URL
         * with a host and without a query, a fragment or a user name. See {@link ToastComputeClient#endpoint()}.
         */
        public Builder endpoint(URI endpoint) {
            return endpoint(Objects.requireNonNull(endpoint, "endpoint").toString());
        }

        public Builder endpoint(String endpoint) {
            this.endpoint = Endpoints.parse(endpoint, "endpoint(...)"); // completed from the contract in build()
            return this;
        }

        /** Every request through this HTTP proxy (plain HTTP requests forwarded, HTTPS tunnelled with CONNECT). */
        public Builder proxy(String host, int port) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("proxy host must not be empty");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("proxy port must be 1 to 65535, was " + port);
            }
            return proxy(InetSocketAddress.createUnresolved(host, port));
        }

        public Builder proxy(InetSocketAddress proxy) {
            return proxy(ProxySelector.of(Objects.requireNonNull(proxy, "proxy")));
        }

        /** Proxies chosen per request by a {@link ProxySelector}. */
        public Builder proxy(ProxySelector selector) {
            this.proxies = Objects.requireNonNull(selector, "proxy selector");
            this.systemProxy = false;
            return this;
        }

        /**
         * The JVM's proxy settings: {@link ProxySelector#getDefault()}, which honours the standard
         * system properties {@code http.proxyHost}, {@code http.proxyPort}, {@code https.proxyHost},
         * {@code https.proxyPort} and {@code http.nonProxyHosts} (read on every request). Without
         * this or {@code proxy(...)} the client connects directly, whatever those properties say.
         */
        public Builder useSystemProxy() {
            this.proxies = null;
            this.systemProxy = true;
            return this;
        }

        /**
         * The HTTP client under Feign, instead of the built-in {@link Transport}s (for instance a
         * {@code feign.hc5.ApacheHttp5Client} on an application's own HttpClient). The client does
         * not close it; {@code proxy(...)} and {@code connectTimeout} do not apply to it (the
         * read and connect timeouts still go to it with every request). Secrets: its logs are its
         * own; the built-in transports keep theirs quiet.
         */
        public Builder transport(feign.Client client) {
            this.customTransport = Objects.requireNonNull(client, "transport");
            return this;
        }

        /**
         * Where the client reports calls, retries and token issues; for Micrometer
         * {@code metrics(MicrometerMetrics.of(registry))}. Default: none.
         */
        public Builder metrics(ClientMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        private static URI contractServer() {
            return URI.create(Contract.bundled().defaultServerUrl());
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * How much of each exchange to log (through SLF4J, logger {@code io.toastcloud.compute.client.wire},
         * at DEBUG). Secrets are redacted at every level.
         */
        public Builder logLevel(Logger.Level level) {
            this.logLevel = Objects.requireNonNull(level, "logLevel");
            return this;
        }

        /** The SLF4J logger exchanges are logged to (at DEBUG), default {@code io.toastcloud.compute.client.wire}. */
        public Builder logger(org.slf4j.Logger logger) {
            this.wireLogger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        public Builder waiterConfig(WaiterConfig config) {
            this.waiterConfig = Objects.requireNonNull(config, "waiterConfig");
            return this;
        }

        /** Renew the token this long before it expires (default 5 minutes). */
        public Builder tokenRenewAhead(Duration ahead) {
            this.tokenRenewAhead = Objects.requireNonNull(ahead, "tokenRenewAhead");
            return this;
        }

        /** The clock for token expiry and waiter deadlines (tests replace it). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How waiters and retries pause (tests replace it). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Adds a Feign {@link RequestInterceptor} for cross-cutting headers, such as a tracing
         * header or a mock server's {@code Prefer: example=...}. Interceptors run in the order
         * added, after the client has set {@code X-Auth-Token}, on every request, including the
         * token issue (whose body carries the API password: an interceptor must not log bodies).
         * Use it to add headers, not to change what the contract says a request is: the request
         * was validated against the contract before interceptors run.
         */
        public Builder requestInterceptor(RequestInterceptor interceptor) {
            this.requestInterceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        public ToastComputeClient build() {
            String key = appkey;
            Credentials creds = credentials;
            URI root = endpoint;
            if (environment != null) {
                if (key == null || key.isBlank()) {
                    Environment.Found found = environment.lookUp(PROP_APPKEY, ENV_APPKEY);
                    key = found == null ? null : found.value();
                }
                if (creds == null) {
                    creds = Credentials.from(environment.properties(), environment.variables());
                }
                if (root == null) {
                    Environment.Found found = environment.lookUp(PROP_ENDPOINT, ENV_ENDPOINT);
                    if (found != null) {
                        root = Endpoints.parse(found.value(), found.source());
                    }
                }
            }
            if ((key == null || key.isBlank()) && appkeyFromEnvironment) {
                throw new IllegalStateException("appkey is required: appkeyFromEnvironment() found the environment variable"
                        + " TOAST_COMPUTE_APPKEY and the system property toast.compute.appkey both unset (or blank)");
            }
            if (key == null) {
                throw new IllegalStateException("appkey is required (appkey(...), or fromEnvironment() with the system property "
                        + PROP_APPKEY + " or the variable " + ENV_APPKEY + ")");
            }
            // Any other rule on the appkey is the contract's: the client checks it (with the token
            // request it will send) as it is built, naming the rule (RequestValidationException).
            if (creds == null) {
                throw new IllegalStateException("credentials are required (credentials(...) or Credentials.fromEnvironment())");
            }
            if (customTransport != null && (proxies != null || systemProxy)) {
                throw new IllegalStateException("proxy(...) and useSystemProxy() apply to the built-in transports only: "
                        + "configure the proxy on the client given to transport(feign.Client)");
            }
            ProxySelector chosenProxies = systemProxy ? ProxySelector.getDefault() : proxies;
            // The transport is made on a thread of its own from here on, while this one reads the
            // contract and sets up Jackson: each is mostly first-use class loading (HttpClient 5's
            // classes against Jackson's), which overlaps on a second CPU (docs/BENCHMARKS.md
            // "Cold start"). It needs nothing of the contract; the routing that does is put around
            // it in the constructor. Whatever fails after this releases what it made.
            Transport chosenTransport = transport;
            Duration chosenConnectTimeout = connectTimeout;
            BuildStep<Transports.Built> transportStep = customTransport != null ? null
                    : BuildStep.start("toast-compute-build-transport",
                            () -> Transports.build(chosenTransport, chosenConnectTimeout, chosenProxies));
            try {
                URI server = contractServer();
                root = root == null
                        ? Endpoints.normalize(server.toString(), "the contract's servers[0]", server)
                        : Endpoints.withContractPath(root, server);
                return new ToastComputeClient(new Settings(key, creds, root, connectTimeout, readTimeout,
                        transport, logLevel, wireLogger, retryPolicy, waiterConfig, tokenRenewAhead, clock, sleeper,
                        List.copyOf(requestInterceptors), chosenProxies, customTransport, metrics), transportStep);
            } catch (RuntimeException | Error failed) {
                if (transportStep != null) {
                    transportStep.releaseAfter(failed, built -> built.closer());
                }
                throw failed;
            }
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }

        @Override
        public String toString() {
            return "ToastComputeClient.Builder[appkey=" + appkey + ", credentials=" + credentials + "]";
        }
    }
}
