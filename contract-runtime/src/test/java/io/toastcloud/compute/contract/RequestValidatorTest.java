package io.toastcloud.compute.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toastcloud.compute.contract.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator checks bodies against the contract tree it was given (the one {@link Contract}
 * read), with local {@code $ref}s resolved in that tree, not against a second copy read from the
 * class path; and one validator is shared by every client of a contract.
 */
class RequestValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bodiesAreCheckedAgainstTheGivenTreeThroughItsRefs() throws Exception {
        JsonNode tree = Contract.bundled().document().deepCopy();
        // A rule that only this tree has, two $refs away from the request schema.
        ((ObjectNode) tree.at("/components/schemas/KeypairCreateSpec/properties/name")).put("maxLength", 3);
        RequestValidator validator = new RequestValidator(new Contract(tree));
        JsonNode body = JSON.readTree("{\"keypair\":{\"name\":\"four\"}}");

        List<Violation> violations = validator.validateBody("KeypairCreateRequest", body);

        assertEquals(List.of("keypair.name maxLength"), violations.stream().map(v -> v.field() + " " + v.rule()).toList());
        assertEquals(List.of(), RequestValidator.of(Contract.bundled()).validateBody("KeypairCreateRequest", body),
                "the bundled contract has no such rule");
    }

    @Test
    void aVariantsRulesApplyWhenTheDiscriminatorChoosesIt() throws Exception {
        JsonNode tree = Contract.bundled().document().deepCopy();
        // A rule that only this tree has, inside one variant of the action body: resize's parameters.
        ((ObjectNode) tree.at("/components/schemas/ResizeParameters")).putArray("x-rules").addObject()
                .put("id", "test.resize.noteWithFlavor").put("rule", "requiredWith")
                .put("field", "note").put("message", "test rule").putArray("with").add("flavor");
        RequestValidator validator = new RequestValidator(new Contract(tree));

        assertEquals(List.of("parameters.note test.resize.noteWithFlavor"),
                testRules(validator, "{\"action\":\"resize\",\"parameters\":{\"flavor\":\"f1\"}}"));
        assertEquals(List.of(), testRules(validator, "{\"action\":\"stop\",\"parameters\":{\"flavor\":\"f1\"}}"),
                "another variant's rules do not apply");
    }

    private static List<String> testRules(RequestValidator validator, String body) throws Exception {
        return validator.validateBody("InstanceActionRequest", JSON.readTree(body)).stream()
                .filter(v -> v.rule().startsWith("test.")).map(v -> v.field() + " " + v.rule()).toList();
    }

    @Test
    void judgedAsSentANullIsValidOnlyWhereTheSchemaIsNullable() throws Exception {
        JsonNode tree = Contract.bundled().document().deepCopy();
        // Made nullable only in this tree: a plain string, and an enum (with and without null listed).
        ((ObjectNode) tree.at("/components/schemas/SecurityGroupSpec/properties/description")).put("nullable", true);
        ((ObjectNode) tree.at("/components/schemas/Protocol")).put("nullable", true);
        ((ObjectNode) tree.at("/components/schemas/Ethertype")).put("nullable", true).withArray("enum").addNull();
        RequestValidator asSent = new RequestValidator(new Contract(tree), RequestValidator.Nulls.AS_SENT);
        RequestValidator asAbsent = new RequestValidator(new Contract(tree));

        String nullable = "{\"securityGroupRule\":{\"securityGroupId\":\"g\",\"direction\":\"ingress\","
                + "\"protocol\":null,\"ethertype\":null}}";
        assertEquals(List.of(), fields(asSent, "SecurityGroupRuleCreateRequest", nullable));
        assertEquals(List.of(), fields(asSent, "SecurityGroupRequest", "{\"securityGroup\":{\"name\":\"w\",\"description\":null}}"));
        assertEquals(List.of("securityGroupRule.portRangeMin type"), fields(asSent, "SecurityGroupRuleCreateRequest",
                "{\"securityGroupRule\":{\"securityGroupId\":\"g\",\"direction\":\"ingress\",\"protocol\":\"tcp\",\"portRangeMin\":null}}"));
        assertEquals(List.of("keypair.publicKey type"), fields(asSent, "KeypairCreateRequest", "{\"keypair\":{\"name\":\"k\",\"publicKey\":null}}"));
        assertEquals(List.of(), fields(asAbsent, "KeypairCreateRequest", "{\"keypair\":{\"name\":\"k\",\"publicKey\":null}}"),
                "the client's reading: a null is an unset field");
        assertEquals(List.of("keypair.name required"), fields(asAbsent, "KeypairCreateRequest", "{\"keypair\":{\"name\":null}}"));
    }

    private static List<String> fields(RequestValidator validator, String schema, String body) throws Exception {
        return validator.validateBody(schema, JSON.readTree(body)).stream().map(v -> v.field() + " " + v.rule()).toList();
    }

    @Test
    void oneValidatorPerContract() {
        assertSame(RequestValidator.of(Contract.bundled()), RequestValidator.of(Contract.bundled()));
        assertNotSame(RequestValidator.of(Contract.bundled()),
                RequestValidator.of(new Contract(Contract.bundled().document())));
    }
}
