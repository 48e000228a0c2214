package io.toastcloud.compute.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bundled OpenAPI contract, read once from the classpath, and the facts the runtime takes
 * from it: which operations need a token, which are reads, which values are secrets, what each
 * result code means, which statuses are failures. The runtime keeps no second copy of these
 * rules; change the contract and the client follows.
 */
public final class Contract {
    /** Where the spec module puts the bundle on the classpath. */
    public static final String RESOURCE = "openapi/toast-compute-openapi.json";

    private static volatile Contract bundled;

    private final JsonNode root;
    private final Map<String, OperationInfo> operations;
    private final Set<Integer> tokenInvalidCodes;
    private final Map<Integer, String> resultCodeClasses;
    private final Set<String> secretPropertyPaths;
    private final Set<String> secretPropertyNames;
    private final Optional<ClientBinding> clientBinding;

    Contract(JsonNode root) {
        this.root = root;
        this.operations = Collections.unmodifiableMap(readOperations(root));
        this.tokenInvalidCodes = Collections.unmodifiableSet(readIntSet(root.at("/info/x-token-invalid-result-codes")));
        this.resultCodeClasses = Collections.unmodifiableMap(readResultCodes(root));
        Set<String> paths = new HashSet<>();
        Set<String> names = new HashSet<>();
        // Plain loops, no lambdas, on this path: it runs in every client's start, where each
        // lambda's first use spins a class (docs/BENCHMARKS.md "Cold start").
        for (OperationInfo op : operations.values()) {
            if (op.requestSchemaName().isPresent()) {
                collectSecrets(schema(op.requestSchemaName().get()), "", paths, names, identitySet());
            }
            if (op.responseSchemaName().isPresent()) {
                collectSecrets(schema(op.responseSchemaName().get()), "", paths, names, identitySet());
            }
        }
        this.secretPropertyPaths = Collections.unmodifiableSet(paths);
        this.secretPropertyNames = Collections.unmodifiableSet(names);
        this.clientBinding = readClientBinding(root);
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

    static Contract load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled contract " + RESOURCE
                        + " is not on the classpath (it comes with toast-compute-spec)");
            }
            return new Contract(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled contract " + RESOURCE, e);
        }
    }

    /** The whole bundled document, for validators. */
    public JsonNode document() {
        return root;
    }

    public Optional<OperationInfo> operation(String operationId) {
        return Optional.ofNullable(operations.get(operationId));
    }

    public Map<String, OperationInfo> operations() {
        return operations;
    }

    /** {@code components.schemas[name]}; a missing node when there is none. */
    public JsonNode schema(String name) {
        return root.path("components").path("schemas").path(name);
    }

    /**
     * The parameter the contract binds to the client and the path prefix through it, when a
     * parameter carries {@code x-toast-parameter-location: client} (the appkey).
     */
    public Optional<ClientBinding> clientBinding() {
        return clientBinding;
    }

    /** Result codes that mean "the token is expired or invalid: issue a new one". */
    public boolean isTokenInvalid(int resultCode) {
        return tokenInvalidCodes.contains(resultCode);
    }

    /** The class of a result code from {@code info.x-result-codes}, for example {@code notFound}. */
    public Optional<String> resultCodeClass(int resultCode) {
        return Optional.ofNullable(resultCodeClasses.get(resultCode));
    }

    /**
     * The HTTP status a per-API result code stands for, when it lies in one of
     * {@code info.x-result-code-ranges} (the last three digits), for example 404 for 10404.
     */
    public Optional<Integer> rangeHttpStatus(int resultCode) {
        for (JsonNode range : root.at("/info/x-result-code-ranges")) {
            if (resultCode >= range.path("from").asInt() && resultCode <= range.path("to").asInt()) {
                return Optional.of(resultCode % 1000);
            }
        }
        return Optional.empty();
    }

    /** Dotted JSON paths of secret properties in request and response bodies, e.g. {@code auth.password}. */
    public Set<String> secretPropertyPaths() {
        return secretPropertyPaths;
    }

    /** Names of secret properties (the last segment of {@link #secretPropertyPaths()}). */
    public Set<String> secretPropertyNames() {
        return secretPropertyNames;
    }

    /** {@code x-terminal-failure-values} of an enum schema such as {@code InstanceStatus}. */
    public Set<String> terminalFailureValues(String enumSchema) {
        Set<String> values = new HashSet<>();
        schema(enumSchema).path("x-terminal-failure-values").forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Follows a local {@code $ref}; returns the node itself when it is not a reference. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 16; hops++) {
            current = ref(current.get("$ref").asText());
        }
        return current;
    }

    /** The node a local reference such as {@code #/components/schemas/StartAction} points at. */
    public JsonNode ref(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalStateException("the bundle has an external $ref: " + ref);
        }
        return root.at(ref.substring(1));
    }

    private Map<String, OperationInfo> readOperations(JsonNode doc) {
        Map<String, OperationInfo> ops = new LinkedHashMap<>();
        boolean rootSecured = doc.path("security").size() > 0;
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = path.getValue();
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                JsonNode op = item.path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                boolean secured = op.has("security") ? op.get("security").size() > 0 : rootSecured;
                List<ParameterInfo> params = new ArrayList<>();
                for (JsonNode p : item.path("parameters")) {
                    params.add(parameter(p));
                }
                for (JsonNode p : op.path("parameters")) {
                    params.add(parameter(p));
                }
                JsonNode requestSchema = op.at("/requestBody/content/application~1json/schema/$ref");
                JsonNode responseSchema = op.at("/responses/200/content/application~1json/schema/$ref");
                String id = op.path("operationId").asText();
                ops.put(id, new OperationInfo(id, method.toUpperCase(), path.getKey(), secured,
                        List.copyOf(params), schemaName(requestSchema), schemaName(responseSchema)));
            }
        }
        return ops;
    }

    /**
     * Every operation must have the bound parameter in the same fixed prefix of its path, or the
     * client could not bind it once: a contract that breaks this fails here, at load.
     */
    private Optional<ClientBinding> readClientBinding(JsonNode doc) {
        ClientBinding binding = null;
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = path.getValue();
            List<JsonNode> raw = new ArrayList<>();
            for (JsonNode p : item.path("parameters")) {
                raw.add(p);
            }
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                for (JsonNode p : item.path(method).path("parameters")) {
                    raw.add(p);
                }
            }
            for (JsonNode p : raw) {
                JsonNode resolved = resolve(p);
                if (!"client".equals(resolved.path(ClientBinding.EXTENSION).asText())) {
                    continue;
                }
                String name = resolved.path("name").asText();
                String variable = "{" + name + "}";
                int at = path.getKey().indexOf(variable);
                String prefix = at < 0 ? null : path.getKey().substring(0, at + variable.length());
                if (prefix == null || prefix.indexOf('{') != at) {
                    throw new IllegalStateException("the client-bound parameter " + name + " is not in a fixed prefix of " + path.getKey());
                }
                ClientBinding found = new ClientBinding(name, prefix);
                if (binding != null && !binding.equals(found)) {
                    throw new IllegalStateException("two client bindings: " + binding + " and " + found + " (at " + path.getKey() + ")");
                }
                binding = found;
            }
        }
        if (binding != null) {
            for (OperationInfo op : operations.values()) {
                if (!op.path().startsWith(binding.pathPrefix())) {
                    throw new IllegalStateException(op.operationId() + " (" + op.path() + ") lacks the client-bound prefix " + binding.pathPrefix());
                }
            }
        }
        return Optional.ofNullable(binding);
    }

    private ParameterInfo parameter(JsonNode p) {
        JsonNode resolved = resolve(p);
        return new ParameterInfo(resolved.path("name").asText(), resolved.path("in").asText(),
                resolved.path("required").asBoolean(false), resolved.path("x-secret").asBoolean(false),
                resolved.path("schema"));
    }

    private static Optional<String> schemaName(JsonNode ref) {
        if (ref.isMissingNode() || !ref.isTextual()) {
            return Optional.empty();
        }
        String text = ref.asText();
        return Optional.of(text.substring(text.lastIndexOf('/') + 1));
    }

    private static Set<Integer> readIntSet(JsonNode array) {
        Set<Integer> set = new HashSet<>();
        for (JsonNode n : array) {
            set.add(n.asInt());
        }
        return set;
    }

    private static Map<Integer, String> readResultCodes(JsonNode doc) {
        Map<Integer, String> map = new HashMap<>();
        for (JsonNode n : doc.at("/info/x-result-codes")) {
            map.put(n.path("code").asInt(), n.path("class").asText());
        }
        return map;
    }

    /**
     * Schemas are told apart by identity: a {@code HashSet} of JSON nodes would hash and compare
     * whole subtrees (a measurable part of a cold start), and would take two different schemas
     * that happen to be alike for one.
     */
    private static Set<JsonNode> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /**
     * Collects the secret properties below {@code schema}. {@code onPath} holds the schemas being
     * walked, so that a schema referring back to itself is followed once, while one reached by
     * two paths is walked on both (its secrets have two paths).
     */
    private void collectSecrets(JsonNode schema, String prefix, Set<String> paths, Set<String> names, Set<JsonNode> onPath) {
        JsonNode s = resolve(schema);
        if (!onPath.add(s)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> prop = props.next();
            String path = prefix.isEmpty() ? prop.getKey() : prefix + "." + prop.getKey();
            JsonNode propSchema = resolve(prop.getValue());
            if (prop.getValue().path("x-secret").asBoolean(false) || propSchema.path("x-secret").asBoolean(false)) {
                paths.add(path);
                names.add(prop.getKey());
            }
            collectSecrets(propSchema, path, paths, names, onPath);
            if (propSchema.has("items")) {
                collectSecrets(propSchema.get("items"), path + "[]", paths, names, onPath);
            }
        }
        for (String composite : List.of("oneOf", "anyOf", "allOf")) {
            for (JsonNode branch : s.path(composite)) {
                collectSecrets(branch, prefix, paths, names, onPath);
            }
        }
        onPath.remove(s);
    }
}
