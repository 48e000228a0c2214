package io.toastcloud.compute.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bundled OpenAPI contract, read once from the classpath, and the facts the runtime takes
 * from it: which operations need a token, which are reads, which values are secrets, what each
 * result code means, which statuses are failures. The runtime keeps no second copy of these
 * rules; change the contract and the client follows.
 *
 * <p>The facts every call needs come from the form this module's build prepared from the same
 * bundle ({@link PreparedContract}); the document itself ({@link #document()}, the schemas) is
 * parsed on its first use, which a client's start does not wait for (docs/BENCHMARKS.md, issue 17).
 */
public final class Contract {
    /** Where the spec module puts the bundle on the classpath. */
    public static final String RESOURCE = "openapi/toast-compute-openapi.json";

    private static volatile Contract bundled;

    private final ContractFacts facts;
    private final boolean prepared;
    private volatile JsonNode root;
    /** The bundle's bytes until {@link #document()} has parsed them. */
    private byte[] unparsed;

    /** A contract from its document: the facts are read from the tree. */
    Contract(JsonNode root) {
        this.root = root;
        this.facts = ContractFacts.of(root);
        this.prepared = false;
    }

    /** A contract from prepared facts, its document parsed from {@code bundle} when first asked for. */
    private Contract(ContractFacts facts, byte[] bundle) {
        this.facts = facts;
        this.prepared = true;
        this.unparsed = bundle;
    }

    /** The contract bundled with this client. */
    public static Contract bundled() {
        Contract c = bundled;
        if (c == null) {
            synchronized (Contract.class) {
                c = bundled;
                if (c == null) {
                    bundled = c = load(Contract.class.getClassLoader());
                }
            }
        }
        return c;
    }

    /** The bundled contract if something has loaded it already, else {@code null}; loads nothing. */
    static Contract loadedOrNull() {
        return bundled;
    }

    /** The bundle on the class path: with the facts prepared from it if there are any, else from its tree. */
    static Contract load(ClassLoader loader) {
        byte[] bundle = readBundle(loader);
        ObjectMapper mapper = new ObjectMapper();
        try {
            ContractFacts prepared = PreparedContract.matching(loader, bundle, mapper);
            return prepared != null ? new Contract(prepared, bundle) : new Contract(mapper.readTree(bundle));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled contract " + RESOURCE, e);
        }
    }

    static byte[] readBundle(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled contract " + RESOURCE
                        + " is not on the classpath (it comes with toast-compute-spec)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled contract " + RESOURCE, e);
        }
    }

    /** The whole bundled document, for validators; parsed on the first call. */
    public JsonNode document() {
        JsonNode r = root;
        if (r == null) {
            synchronized (this) {
                r = root;
                if (r == null) {
                    try {
                        root = r = new ObjectMapper().readTree(unparsed);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the bundled contract " + RESOURCE, e);
                    }
                    unparsed = null;
                }
            }
        }
        return r;
    }

    /** Whether {@link #document()} has been parsed (or was given), so that asking for it costs nothing. */
    boolean documentParsed() {
        return root != null;
    }

    /** Whether the facts came from the prepared form, for tests. */
    boolean preparedFacts() {
        return prepared;
    }

    public Optional<OperationInfo> operation(String operationId) {
        return Optional.ofNullable(facts.operations.get(operationId));
    }

    public Map<String, OperationInfo> operations() {
        return facts.operations;
    }

    /** {@code components.schemas[name]}; a missing node when there is none. */
    public JsonNode schema(String name) {
        return ContractFacts.schema(document(), name);
    }

    /**
     * The parameter the contract binds to the client and the path prefix through it, when a
     * parameter carries {@code x-toast-parameter-location: client} (the appkey).
     */
    public Optional<ClientBinding> clientBinding() {
        return Optional.ofNullable(facts.clientBinding);
    }

    /** The header the token goes in ({@code components.securitySchemes.XAuthToken.name}). */
    public String tokenHeader() {
        return facts.tokenHeader;
    }

    /** The first server's URL ({@code servers[0].url}): the service's public endpoint. */
    public String defaultServerUrl() {
        return facts.defaultServerUrl;
    }

    /** Result codes that mean "the token is expired or invalid: issue a new one". */
    public boolean isTokenInvalid(int resultCode) {
        return facts.tokenInvalidCodes.contains(resultCode);
    }

    /** The class of a result code from {@code info.x-result-codes}, for example {@code notFound}. */
    public Optional<String> resultCodeClass(int resultCode) {
        return Optional.ofNullable(facts.resultCodeClasses.get(resultCode));
    }

    /**
     * The HTTP status a per-API result code stands for, when it lies in one of
     * {@code info.x-result-code-ranges} (the last three digits), for example 404 for 10404.
     */
    public Optional<Integer> rangeHttpStatus(int resultCode) {
        int[] ranges = facts.resultCodeRanges;
        for (int i = 0; i < ranges.length; i += 2) {
            if (resultCode >= ranges[i] && resultCode <= ranges[i + 1]) {
                return Optional.of(resultCode % 1000);
            }
        }
        return Optional.empty();
    }

    /** Dotted JSON paths of secret properties in request and response bodies, e.g. {@code auth.password}. */
    public Set<String> secretPropertyPaths() {
        return facts.secretPropertyPaths;
    }

    /** Names of secret properties (the last segment of {@link #secretPropertyPaths()}). */
    public Set<String> secretPropertyNames() {
        return facts.secretPropertyNames;
    }

    /** {@code x-terminal-failure-values} of an enum schema such as {@code InstanceStatus}. */
    public Set<String> terminalFailureValues(String enumSchema) {
        Set<String> values = new HashSet<>();
        for (JsonNode v : schema(enumSchema).path("x-terminal-failure-values")) {
            values.add(v.asText());
        }
        return values;
    }

    /** Follows a local {@code $ref}; returns the node itself when it is not a reference. */
    public JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? ContractFacts.resolve(document(), node) : node;
    }

    /** The node a local reference such as {@code #/components/schemas/StartAction} points at. */
    public JsonNode ref(String ref) {
        return ContractFacts.ref(document(), ref);
    }
}
