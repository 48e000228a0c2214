package io.toastcloud.compute.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The decisions issue 14 mended (DECISIONS.md D7, D12, D16, D26, D27, D34, D37, D38, D44-D48),
 * checked on the bundle's structure. Each test fails on the contract before the mend. The
 * behaviour (a body accepted or refused) is proven where it is enforced: the examples here
 * (ExamplesTest), the client's validator and token handling, Prism and the emulator.
 */
class MendedDecisionsTest {
  private static final JsonNode BUNDLE = Contract.readTree(Contract.bundleYaml());

  private static JsonNode schema(String name) {
    return BUNDLE.path("components").path("schemas").path(name);
  }

  /** D24/D25 mended: ICMP type and code are 0 to 255 and in no order; ports keep 1 and the order. */
  @Test
  void portRangeRulesAreScopedToTcpAndUdpAndIcmpAllowsZero() {
    for (String field : List.of("portRangeMin", "portRangeMax")) {
      assertEquals(0, schema("SecurityGroupRuleSpec").path("properties").path(field).path("minimum").asInt(), field);
      assertEquals(0, schema("SecurityGroupRule").path("properties").path(field).path("minimum").asInt(), field);
    }
    JsonNode order = rule("SecurityGroupRuleSpec", "securityGroupRule.portRangeOrder");
    assertEquals(List.of("tcp", "udp"), values(order.path("when").path("in")));
    JsonNode ports = rule("SecurityGroupRuleSpec", "securityGroupRule.portRange");
    assertEquals(1, ports.path("minimum").asInt());
    assertEquals(List.of("tcp", "udp"), values(ports.path("when").path("in")));
    JsonNode icmp = rule("SecurityGroupRuleSpec", "securityGroupRule.icmpTypeCode");
    assertEquals(0, icmp.path("minimum").asInt());
    assertEquals(255, icmp.path("maximum").asInt());
    assertEquals(List.of("icmp"), values(icmp.path("when").path("in")));
  }

  /** D7 mended, issue 13 item 4: one protocol enum for requests and responses, null listed. */
  @Test
  void oneProtocolEnumWithNullForRequestsAndResponses() {
    assertTrue(schema("RuleProtocol").isMissingNode(), "RuleProtocol is gone");
    assertEquals("#/components/schemas/Protocol",
        schema("SecurityGroupRuleSpec").path("properties").path("protocol").path("$ref").asText());
    assertEquals("#/components/schemas/Protocol",
        schema("SecurityGroupRule").path("properties").path("protocol").path("$ref").asText());
    assertTrue(schema("Protocol").path("nullable").asBoolean());
    assertTrue(schema("Protocol").path("enum").toString().contains("null"), "null is a listed value");
  }

  /** D27 mended: start and stop accept the template's empty parameters, and nothing in them. */
  @Test
  void startAndStopAcceptEmptyParameters() {
    for (String action : List.of("StartAction", "StopAction")) {
      JsonNode parameters = BUNDLE.at("/components/schemas/" + action + "/properties/parameters");
      assertEquals("#/components/schemas/NoParameters", parameters.path("$ref").asText(), action);
      assertFalse(values(schema(action).path("required")).contains("parameters"), action);
    }
    assertEquals(0, schema("NoParameters").path("maxProperties").asInt(-1));
  }

  /** D37 mended: -3 names the token too; the client re-issues once on it, from this list. */
  @Test
  void minusThreeIsATokenInvalidCode() {
    assertEquals(List.of("50401", "-3"), values(BUNDLE.at("/info/x-token-invalid-result-codes")));
  }

  /** D12 mended: null where the service leaves a value absent. */
  @Test
  void responsesAcceptNullWhereTheServiceSendsIt() {
    assertTrue(schema("InstanceDetail").at("/properties/keyName/nullable").asBoolean(), "keyName");
    assertEquals("#/components/schemas/NullableTimestamp",
        schema("InstanceDetail").at("/properties/launchedAt/$ref").asText(), "launchedAt");
    for (String field : List.of("size", "minDisk", "minRam")) {
      assertTrue(schema("Image").at("/properties/" + field + "/nullable").asBoolean(), field);
    }
    assertTrue(schema("DiskFormat").path("nullable").asBoolean(), "diskFormat");
  }

  /** D47: every enum a response carries is open (a client reads a value it does not know). */
  @Test
  void everyEnumSchemaIsMarkedOpen() {
    Set<String> closed = new TreeSet<>();
    BUNDLE.path("components").path("schemas").fields().forEachRemaining(e -> {
      if (e.getValue().has("enum") && !e.getValue().path("x-open-enum").asBoolean()) {
        closed.add(e.getKey());
      }
    });
    assertEquals(Set.of("RebootType"), closed, "enum schemas not marked x-open-enum (only request-only ones may be)");
  }

  /** D38 mended: SecurityGroupName (a request object) refuses unknown properties like every other. */
  @Test
  void securityGroupNameIsStrictAndTheResponseHasItsOwnSchema() {
    assertFalse(schema("SecurityGroupName").path("additionalProperties").asBoolean(true));
    assertEquals("#/components/schemas/InstanceSecurityGroup",
        schema("InstanceDetail").at("/properties/securityGroups/items/$ref").asText());
    assertFalse(schema("InstanceSecurityGroup").has("additionalProperties"), "responses stay tolerant");
  }

  /** D34: the example of a refused delete names exactly the deletable statuses. */
  @Test
  void volumeInvalidStateExampleNamesEveryDeletableStatus() {
    String message = BUNDLE.at("/components/examples/VolumeInvalidState/value/header/resultMessage").asText();
    for (JsonNode status : schema("VolumeStatus").path("x-deletable-values")) {
      assertTrue(message.contains(status.asText()), status + " missing from: " + message);
    }
  }

  /** D16 mended: a query parameter sent as `id` or `name` keeps the guide's name in its description. */
  @Test
  void parameterDescriptionsKeepTheGuidesNames() {
    List<String> missing = new ArrayList<>();
    BUNDLE.path("components").path("parameters").fields().forEachRemaining(e -> {
      JsonNode p = e.getValue();
      boolean renamed = "query".equals(p.path("in").asText()) && Set.of("id", "name").contains(p.path("name").asText());
      if (renamed && !p.path("description").asText().contains("the guide's `")) {
        missing.add(e.getKey());
      }
    });
    assertEquals(List.of(), missing);
  }

  private static JsonNode rule(String schemaName, String id) {
    for (JsonNode rule : schema(schemaName).path("x-rules")) {
      if (id.equals(rule.path("id").asText())) {
        return rule;
      }
    }
    throw new AssertionError("no rule " + id + " on " + schemaName);
  }

  private static List<String> values(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
