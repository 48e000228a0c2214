package io.toastcloud.compute.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.OperationInfo;
import io.toastcloud.compute.contract.ParameterInfo;
import io.toastcloud.compute.emulator.FuzzRequest.Expectation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests the fuzz suite draws from, made from the contract alone: for every operation a
 * request valid per the contract (each named request example, required parameters given), each
 * body change of {@link BodyMutations}, each required query parameter left out or empty, and
 * the requests no schema speaks of (malformed JSON, a body over 1 MiB, bytes that are not UTF-8,
 * odd percent-encoding, unknown paths and methods).
 */
final class FuzzCatalog {
    static final String PREFIX = "/v1.0/appkeys/{appkey}";

    private final List<FuzzRequest> valid = new ArrayList<>();
    private final List<FuzzRequest> broken = new ArrayList<>();
    private final List<FuzzRequest> odd = new ArrayList<>();

    FuzzCatalog(Contract contract, String appkey) {
        BodyMutations mutations = new BodyMutations(contract);
        for (OperationInfo op : contract.operations().values()) {
            String path = op.path().substring(PREFIX.length()).replaceAll("\\{[^}/]+}", "fuzz-id");
            Map<String, String> query = new LinkedHashMap<>();
            for (ParameterInfo p : op.parameters()) {
                if (p.required() && "query".equals(p.in())) {
                    query.put(p.name(), "fuzz-id");
                }
            }
            List<FuzzRequest> bases = new ArrayList<>();
            if (op.requestSchemaName().isEmpty()) {
                bases.add(new FuzzRequest(op, "valid " + op.operationId(), op.method(), appkey, path, query, null, null,
                        Expectation.AS_THE_CONTRACT_SAYS));
            }
            JsonNode schema = op.requestSchemaName().map(contract::schema).orElse(null);
            JsonNode examples = contract.document().at("/paths").path(op.path()).path(op.method().toLowerCase())
                    .at("/requestBody/content/application~1json/examples");
            examples.fields().forEachRemaining(e -> {
                JsonNode example = contract.resolve(e.getValue()).path("value");
                FuzzRequest base = new FuzzRequest(op, "valid " + op.operationId() + "/" + e.getKey(), op.method(), appkey, path,
                        query, "application/json", bytes(example.toString()), Expectation.AS_THE_CONTRACT_SAYS);
                bases.add(base);
                for (BodyMutations.Mutation m : mutations.of(schema, example)) {
                    broken.add(base.withBody(op.operationId() + "/" + e.getKey() + " " + m.name(), bytes(m.body().toString()),
                            Expectation.AS_THE_CONTRACT_SAYS));
                }
            });
            valid.addAll(bases);
            FuzzRequest base = bases.get(0);
            for (String name : query.keySet()) {
                Map<String, String> without = new LinkedHashMap<>(query);
                without.remove(name);
                broken.add(base.withQuery(op.operationId() + " required query " + name, without, Expectation.AS_THE_CONTRACT_SAYS));
                Map<String, String> empty = new LinkedHashMap<>(query);
                empty.put(name, "");
                broken.add(base.withQuery(op.operationId() + " empty query " + name, empty, Expectation.AS_THE_CONTRACT_SAYS));
                Map<String, String> undecodable = new LinkedHashMap<>(query);
                undecodable.put(name, "%FF");
                odd.add(base.withQuery(op.operationId() + " query not UTF-8 " + name, undecodable, Expectation.REFUSED));
                Map<String, String> malformed = new LinkedHashMap<>(query);
                malformed.put(name, "%zz");
                odd.add(base.withQuery(op.operationId() + " query malformed escape " + name, malformed, Expectation.JDK_400));
            }
            oddities(base, path);
        }
    }

    private void oddities(FuzzRequest base, String path) {
        String id = base.operation().operationId();
        if (base.body() != null) {
            byte[] body = base.body();
            odd.add(base.withBody(id + " malformed JSON", java.util.Arrays.copyOf(body, body.length / 2), Expectation.REFUSED));
            odd.add(base.withBody(id + " over 1 MiB", bytes(base.bodyText() + " ".repeat((1 << 20) + 1)), Expectation.REFUSED));
            odd.add(base.withBody(id + " UTF-16", base.bodyText().getBytes(StandardCharsets.UTF_16LE), Expectation.REFUSED));
            byte[] notUtf8 = body.clone();
            int quote = base.bodyText().indexOf(":\"");
            if (quote > 0) {
                notUtf8[quote + 2] = (byte) 0xFF;
                odd.add(base.withBody(id + " a byte that is not UTF-8", notUtf8, Expectation.REFUSED));
            }
        }
        odd.add(base.withTarget(id + " unknown path", base.method(), base.rawAppkey(), path + "/fuzz-unknown", Expectation.REFUSED));
        odd.add(base.withTarget(id + " unknown method", "PATCH", base.rawAppkey(), path, Expectation.REFUSED));
        odd.add(base.withTarget(id + " lower-case method", base.method().toLowerCase(), base.rawAppkey(), path, Expectation.REFUSED));
        odd.add(base.withTarget(id + " appkey not UTF-8", base.method(), "%FE", path, Expectation.REFUSED));
        for (String appkey : new String[] {"%EF%BF%BD", "a%2Fb", "%00", "a%20b", "%C3%A9"}) {
            odd.add(base.withTarget(id + " appkey " + appkey, base.method(), appkey, path, Expectation.ANY_ENVELOPE));
        }
        for (String appkey : new String[] {"%zz", "%", "%2"}) {
            odd.add(base.withTarget(id + " appkey malformed escape " + appkey, base.method(), appkey, path, Expectation.JDK_400));
        }
    }

    List<FuzzRequest> valid() {
        return valid;
    }

    List<FuzzRequest> broken() {
        return broken;
    }

    List<FuzzRequest> odd() {
        return odd;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
