package io.toastcloud.compute.client;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.toastcloud.compute.client.StubService.BASE;
import static io.toastcloud.compute.client.StubService.json;
import static io.toastcloud.compute.client.StubService.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.OperationInfo;
import io.toastcloud.compute.model.TokenAuth;
import io.toastcloud.compute.model.TokenIssueRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every method of every generated API interface, called through {@code toast.api(XxxApi.class)},
 * sends the request of the contract's operation it is named after (method and path), and
 * together they cover every operation of the contract. This is what keeps the resource classes
 * an addition: nothing the contract offers is reachable only through them, or not at all.
 */
class EveryOperationThroughApiTest {
    private static final Contract CONTRACT = Contract.bundled();
    private static final ObjectMapper MAPPER = ToastComputeClient.objectMapper();

    @Test
    void everyGeneratedMethodReachesItsOperationThroughApi() throws Exception {
        Set<String> reached = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        try (StubService stub = new StubService()) {
            stub.issuesToken("token-1");
            // Below the token stub: an empty success for every other request.
            stub.server.stubFor(any(urlPathMatching(BASE + "/.*")).atPriority(10).willReturn(json(ok(""))));
            try (ToastComputeClient toast = stub.client()) {
                toast.api(FlavorApi.class).listFlavors(); // the client's own token issue, out of the way
                for (Class<?> api : GeneratedApis.all()) {
                    for (Method m : api.getMethods()) {
                        if (Modifier.isStatic(m.getModifiers()) || m.isDefault()) {
                            continue;
                        }
                        OperationInfo op = CONTRACT.operation(m.getName()).orElseThrow(
                                () -> new AssertionError(api.getSimpleName() + "." + m.getName() + " is no operation of the contract"));
                        stub.server.resetRequests();
                        invoke(toast.api(api), m, op);
                        List<LoggedRequest> sent = stub.server.findAll(anyRequestedFor(anyUrl()));
                        if (sent.size() == 1 && sends(sent.get(0), op)) {
                            reached.add(op.operationId());
                        } else {
                            wrong.add(m.toGenericString() + " sent " + sent.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(new TreeSet<>(CONTRACT.operations().keySet()), reached, "every operation of the contract, through api(...)");
    }

    private static void invoke(Object api, Method m, OperationInfo op) throws IllegalAccessException {
        Object[] args = Arrays.stream(m.getParameterTypes()).map(t -> argument(t, op)).toArray();
        try {
            m.invoke(api, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(m + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** A value the contract accepts: an id for a path or query parameter, the contract's request example for a body. */
    private static Object argument(Class<?> type, OperationInfo op) {
        if (type == String.class) {
            return "x-1";
        }
        if (type == Integer.class) {
            return 1;
        }
        if (type == TokenIssueRequest.class) {
            // The stub's own user, so that its token stub matches: a mismatch would make WireMock
            // log the stub's expected body, password included, into the log SecretsTest reads.
            return new TokenIssueRequest().auth(new TokenAuth().username(StubService.USER).password(StubService.PASSWORD));
        }
        if (type.getSimpleName().endsWith("QueryParams")) {
            try {
                return type.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        JsonNode content = CONTRACT.document().at("/paths/" + op.path().replace("~", "~0").replace("/", "~1") + "/"
                + op.method().toLowerCase(java.util.Locale.ROOT) + "/requestBody/content/application~1json");
        JsonNode example = content.has("example") ? content.get("example")
                : CONTRACT.resolve(content.path("examples").elements().next()).get("value");
        return MAPPER.convertValue(example, type);
    }

    private static boolean sends(LoggedRequest request, OperationInfo op) {
        String path = op.path().replace("{appkey}", StubService.APPKEY).replaceAll("\\{[^}]+}", "[^/]+");
        return op.method().equals(request.getMethod().getName()) && request.getUrl().split("\\?")[0].matches(path);
    }
}
