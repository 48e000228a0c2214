package io.toastcloud.compute.contracttests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toastcloud.compute.contracttests.emulator.EmulatorTarget;
import io.toastcloud.compute.contracttests.prism.PrismEndpoint;
import io.toastcloud.compute.contracttests.prism.PrismExtension;
import io.toastcloud.compute.contracttests.support.ContractDocument;
import io.toastcloud.compute.contracttests.support.RawPrism;
import io.toastcloud.compute.emulator.EmulatorUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Prism and the emulator agree on every null (issue 12, item 5): each property of each request
 * example of the contract set to JSON {@code null}, the same raw request sent to both. Where the
 * contract marks the property {@code nullable}, neither refuses it for that; everywhere else
 * Prism answers 422 and the emulator -4 naming the property. The expectation is read from the
 * schema, so a property made nullable in the contract needs no change here.
 */
@ExtendWith(PrismExtension.class)
class NullAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContractDocument CONTRACT = ContractDocument.bundled();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String APPKEY = "null-agreement";

    private static RawPrism prism;
    private static EmulatorTarget emulator;
    private static String token;

    @BeforeAll
    static void start(PrismEndpoint endpoint) {
        prism = new RawPrism(endpoint);
        emulator = EmulatorTarget.start(b -> { });
        JsonNode issued = emulatorAnswer("POST", "/v1.0/appkeys/" + APPKEY + "/tokens", "{\"auth\":{\"username\":\""
                + EmulatorUser.DEFAULT.name() + "\",\"password\":\"" + EmulatorUser.DEFAULT.password() + "\"}}");
        token = issued.at("/access/token/id").asText();
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    /** One property of one example set to null, and whether the contract allows it. */
    private record NullCase(ContractDocument.Operation operation, String example, String pointer, boolean nullable, String body) {
        String field() {
            return pointer.substring(pointer.lastIndexOf('/') + 1);
        }
    }

    @TestFactory
    Stream<DynamicTest> prismAndTheEmulatorAgreeOnEveryNull() {
        List<NullCase> cases = new ArrayList<>();
        for (ContractDocument.Operation op : CONTRACT.operations()) {
            op.requestExamples().forEach((name, example) -> nulls(op, name, example, op.requestSchema(), example, "", cases));
        }
        assertTrue(cases.stream().filter(c -> !c.nullable()).count() > 50, "the cases cover the request examples: " + cases.size());
        return cases.stream().map(c -> dynamicTest(c.operation().id() + "/" + c.example() + " " + c.pointer() + " = null"
                + (c.nullable() ? " (nullable)" : ""), () -> agree(c)));
    }

    private static void agree(NullCase c) {
        String path = c.operation().path().replace("{appkey}", APPKEY).replaceAll("\\{[^}/]+}", "no-such-id");
        RawPrism.Answer prismAnswer = prism.send(c.operation().method(), path, c.body(), c.operation().authenticated());
        JsonNode emulatorAnswer = emulatorAnswer(c.operation().method(), path, c.body());
        int code = emulatorAnswer.at("/header/resultCode").asInt();
        String message = emulatorAnswer.at("/header/resultMessage").asText();
        // A violation of the field for a schema keyword ("[type]"), not an x-rule ("[securityGroupRule.…]"),
        // which a nullable null may still break (protocol null with ports set).
        boolean emulatorRefusesTheNull = code == -4 && Stream.of(message.split("; "))
                .anyMatch(v -> v.contains(c.field()) && v.matches(".*\\[[A-Za-z]+]$"));
        boolean prismRefuses = prismAnswer.status() == 422;

        String both = "Prism " + prismAnswer.status() + " " + prismAnswer.body() + "; emulator " + emulatorAnswer;
        assertEquals(!c.nullable(), prismRefuses, () -> "Prism refuses the null exactly when the contract forbids it: " + both);
        assertEquals(!c.nullable(), emulatorRefusesTheNull,
                () -> "the emulator refuses the null (-4 naming " + c.field() + ") exactly when the contract forbids it: " + both);
    }

    private static void nulls(ContractDocument.Operation op, String example, JsonNode root, JsonNode schemaNode, JsonNode value,
            String pointer, List<NullCase> out) {
        JsonNode schema = variant(CONTRACT.resolve(schemaNode), value);
        if (!value.isObject()) {
            return;
        }
        value.fields().forEachRemaining(f -> {
            JsonNode property = schema.path("properties").get(f.getKey());
            if (property == null) {
                property = schema.path("additionalProperties");
            }
            JsonNode resolved = CONTRACT.resolve(property);
            String at = pointer + "/" + f.getKey();
            ObjectNode changed = root.deepCopy();
            ((ObjectNode) changed.at(pointer.isEmpty() ? "" : pointer)).putNull(f.getKey());
            out.add(new NullCase(op, example, at, resolved.path("nullable").asBoolean(false), changed.toString()));
            nulls(op, example, root, property, f.getValue(), at, out);
        });
    }

    /** The variant of a {@code oneOf} that the value's discriminator names (the schema itself otherwise). */
    private static JsonNode variant(JsonNode schema, JsonNode value) {
        String property = schema.path("discriminator").path("propertyName").textValue();
        if (property == null || !value.path(property).isTextual()) {
            return schema;
        }
        JsonNode ref = schema.path("discriminator").path("mapping").get(value.path(property).asText());
        return ref == null ? schema : CONTRACT.resolve(JSON.createObjectNode().put("$ref", ref.asText()));
    }

    private static JsonNode emulatorAnswer(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response::body);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
