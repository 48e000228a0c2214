package io.toastcloud.compute.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the runtime takes from the contract for every call, worked out once: the operations with
 * their parameters, the result codes, the secret properties, the client-bound parameter, the
 * token header and the default server. {@link #of(JsonNode)} reads them from the bundled
 * document; {@link #toJson()} and {@link #fromJson(JsonNode)} carry them in the prepared form
 * that the build writes next to the runtime ({@link PreparedContract}), so that a client's start
 * needs neither the 180 KB tree nor the walk over its schemas (docs/BENCHMARKS.md, issue 17).
 *
 * <p>Plain loops, no lambdas: this runs in every client's start, where each lambda's first use
 * spins a class.
 */
final class ContractFacts {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final String DEFAULT_TOKEN_HEADER = "X-Auth-Token";

    final Map<String, OperationInfo> operations;
    final Set<Integer> tokenInvalidCodes;
    final Map<Integer, String> resultCodeClasses;
    /** {@code info.x-result-code-ranges} as pairs: from, to, from, to, ... */
    final int[] resultCodeRanges;
    final Set<String> secretPropertyPaths;
    final Set<String> secretPropertyNames;
    final ClientBinding clientBinding;
    final String tokenHeader;
    final String defaultServerUrl;

    private ContractFacts(Map<String, OperationInfo> operations, Set<Integer> tokenInvalidCodes,
            Map<Integer, String> resultCodeClasses, int[] resultCodeRanges, Set<String> secretPropertyPaths,
            Set<String> secretPropertyNames, ClientBinding clientBinding, String tokenHeader, String defaultServerUrl) {
        this.operations = Collections.unmodifiableMap(operations);
        this.tokenInvalidCodes = Collections.unmodifiableSet(tokenInvalidCodes);
        this.resultCodeClasses = Collections.unmodifiableMap(resultCodeClasses);
        this.resultCodeRanges = resultCodeRanges;
        this.secretPropertyPaths = Collections.unmodifiableSet(secretPropertyPaths);
        this.secretPropertyNames = Collections.unmodifiableSet(secretPropertyNames);
        this.clientBinding = clientBinding;
        this.tokenHeader = tokenHeader;
        this.defaultServerUrl = defaultServerUrl;
    }

    /** The facts of a contract document (the bundle's tree). */
    static ContractFacts of(JsonNode root) {
        Map<String, OperationInfo> operations = readOperations(root);
        Set<String> paths = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (OperationInfo op : operations.values()) {
            if (op.requestSchemaName().isPresent()) {
                collectSecrets(root, schema(root, op.requestSchemaName().get()), "", paths, names, identitySet());
            }
            if (op.responseSchemaName().isPresent()) {
                collectSecrets(root, schema(root, op.responseSchemaName().get()), "", paths, names, identitySet());
            }
        }
        Map<Integer, String> classes = new HashMap<>();
        for (JsonNode n : root.at("/info/x-result-codes")) {
            classes.put(n.path("code").asInt(), n.path("class").asText());
        }
        return new ContractFacts(operations, readInts(root.at("/info/x-token-invalid-result-codes")), classes,
                readRanges(root.at("/info/x-result-code-ranges")), paths, names,
                readClientBinding(root, operations),
                root.at("/components/securitySchemes/XAuthToken/name").asText(DEFAULT_TOKEN_HEADER),
                root.at("/servers/0/url").asText());
    }

    /** The prepared form: every fact, sets and maps in a fixed order, so that the build's output is reproducible. */
    ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        ArrayNode ops = out.putArray("operations");
        for (OperationInfo op : operations.values()) {
            ObjectNode o = ops.addObject();
            o.put("operationId", op.operationId());
            o.put("method", op.method());
            o.put("path", op.path());
            o.put("authenticated", op.authenticated());
            ArrayNode params = o.putArray("parameters");
            for (ParameterInfo p : op.parameters()) {
                ObjectNode n = params.addObject();
                n.put("name", p.name());
                n.put("in", p.in());
                n.put("required", p.required());
                n.put("secret", p.secret());
                n.set("schema", p.schema().deepCopy());
            }
            op.requestSchemaName().ifPresent(name -> o.put("requestSchema", name));
            op.responseSchemaName().ifPresent(name -> o.put("responseSchema", name));
        }
        ArrayNode tokenInvalid = out.putArray("tokenInvalidResultCodes");
        for (Integer code : new TreeSet<>(tokenInvalidCodes)) {
            tokenInvalid.add(code);
        }
        ObjectNode classes = out.putObject("resultCodeClasses");
        for (Map.Entry<Integer, String> e : new TreeMap<>(resultCodeClasses).entrySet()) {
            classes.put(String.valueOf(e.getKey()), e.getValue());
        }
        ArrayNode ranges = out.putArray("resultCodeRanges");
        for (int i = 0; i < resultCodeRanges.length; i += 2) {
            ranges.addObject().put("from", resultCodeRanges[i]).put("to", resultCodeRanges[i + 1]);
        }
        writeSorted(out.putArray("secretPropertyPaths"), secretPropertyPaths);
        writeSorted(out.putArray("secretPropertyNames"), secretPropertyNames);
        if (clientBinding != null) {
            out.putObject("clientBinding").put("parameter", clientBinding.parameter()).put("pathPrefix", clientBinding.pathPrefix());
        }
        out.put("tokenHeader", tokenHeader);
        out.put("defaultServerUrl", defaultServerUrl);
        return out;
    }

    /** The facts as {@link #toJson()} wrote them. */
    static ContractFacts fromJson(JsonNode in) {
        Map<String, OperationInfo> operations = new LinkedHashMap<>();
        for (JsonNode o : in.path("operations")) {
            List<ParameterInfo> params = new ArrayList<>();
            for (JsonNode p : o.path("parameters")) {
                params.add(new ParameterInfo(p.path("name").asText(), p.path("in").asText(),
                        p.path("required").asBoolean(), p.path("secret").asBoolean(), p.path("schema")));
            }
            String id = o.path("operationId").asText();
            operations.put(id, new OperationInfo(id, o.path("method").asText(), o.path("path").asText(),
                    o.path("authenticated").asBoolean(), List.copyOf(params),
                    optionalText(o, "requestSchema"), optionalText(o, "responseSchema")));
        }
        Map<Integer, String> classes = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> codes = in.path("resultCodeClasses").fields();
        while (codes.hasNext()) {
            Map.Entry<String, JsonNode> e = codes.next();
            classes.put(Integer.valueOf(e.getKey()), e.getValue().asText());
        }
        JsonNode binding = in.path("clientBinding");
        return new ContractFacts(operations, readInts(in.path("tokenInvalidResultCodes")), classes,
                readRanges(in.path("resultCodeRanges")), readStrings(in.path("secretPropertyPaths")),
                readStrings(in.path("secretPropertyNames")),
                binding.isObject() ? new ClientBinding(binding.path("parameter").asText(), binding.path("pathPrefix").asText()) : null,
                in.path("tokenHeader").asText(DEFAULT_TOKEN_HEADER), in.path("defaultServerUrl").asText());
    }

    private static Set<Integer> readInts(JsonNode array) {
        Set<Integer> ints = new HashSet<>();
        for (JsonNode n : array) {
            ints.add(n.asInt());
        }
        return ints;
    }

    private static Set<String> readStrings(JsonNode array) {
        Set<String> strings = new HashSet<>();
        for (JsonNode n : array) {
            strings.add(n.asText());
        }
        return strings;
    }

    private static void writeSorted(ArrayNode out, Set<String> strings) {
        for (String s : new TreeSet<>(strings)) {
            out.add(s);
        }
    }

    /** Ranges as the contract's {@code x-result-code-ranges} and the prepared form both write them, {@code {from, to}} objects, as pairs. */
    private static int[] readRanges(JsonNode rangeNodes) {
        int[] ranges = new int[2 * rangeNodes.size()];
        for (int i = 0; i < rangeNodes.size(); i++) {
            ranges[2 * i] = rangeNodes.get(i).path("from").asInt();
            ranges[2 * i + 1] = rangeNodes.get(i).path("to").asInt();
        }
        return ranges;
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }

    /** {@code components.schemas[name]}; a missing node when there is none. */
    static JsonNode schema(JsonNode root, String name) {
        return root.path("components").path("schemas").path(name);
    }

    /** Follows a local {@code $ref}; returns the node itself when it is not a reference. */
    static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 16; hops++) {
            current = ref(root, current.get("$ref").asText());
        }
        return current;
    }

    /** The node a local reference such as {@code #/components/schemas/StartAction} points at. */
    static JsonNode ref(JsonNode root, String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalStateException("the bundle has an external $ref: " + ref);
        }
        return root.at(ref.substring(1));
    }

    private static Map<String, OperationInfo> readOperations(JsonNode doc) {
        Map<String, OperationInfo> ops = new LinkedHashMap<>();
        boolean rootSecured = doc.path("security").size() > 0;
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = path.getValue();
            for (String method : METHODS) {
                JsonNode op = item.path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                boolean secured = op.has("security") ? op.get("security").size() > 0 : rootSecured;
                List<ParameterInfo> params = new ArrayList<>();
                for (JsonNode p : item.path("parameters")) {
                    params.add(parameter(doc, p));
                }
                for (JsonNode p : op.path("parameters")) {
                    params.add(parameter(doc, p));
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
    private static ClientBinding readClientBinding(JsonNode doc, Map<String, OperationInfo> operations) {
        ClientBinding binding = null;
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = path.getValue();
            List<JsonNode> raw = new ArrayList<>();
            for (JsonNode p : item.path("parameters")) {
                raw.add(p);
            }
            for (String method : METHODS) {
                for (JsonNode p : item.path(method).path("parameters")) {
                    raw.add(p);
                }
            }
            for (JsonNode p : raw) {
                JsonNode resolved = resolve(doc, p);
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
        return binding;
    }

    private static ParameterInfo parameter(JsonNode doc, JsonNode p) {
        JsonNode resolved = resolve(doc, p);
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
    private static void collectSecrets(JsonNode root, JsonNode schema, String prefix, Set<String> paths, Set<String> names,
            Set<JsonNode> onPath) {
        JsonNode s = resolve(root, schema);
        if (!onPath.add(s)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> prop = props.next();
            String path = prefix.isEmpty() ? prop.getKey() : prefix + "." + prop.getKey();
            JsonNode propSchema = resolve(root, prop.getValue());
            if (prop.getValue().path("x-secret").asBoolean(false) || propSchema.path("x-secret").asBoolean(false)) {
                paths.add(path);
                names.add(prop.getKey());
            }
            collectSecrets(root, propSchema, path, paths, names, onPath);
            if (propSchema.has("items")) {
                collectSecrets(root, propSchema.get("items"), path + "[]", paths, names, onPath);
            }
        }
        for (String composite : List.of("oneOf", "anyOf", "allOf")) {
            for (JsonNode branch : s.path(composite)) {
                collectSecrets(root, branch, prefix, paths, names, onPath);
            }
        }
        onPath.remove(s);
    }
}
