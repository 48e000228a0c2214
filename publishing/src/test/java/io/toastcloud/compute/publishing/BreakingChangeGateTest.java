package io.toastcloud.compute.publishing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * The breaking-change gate: the contract the build just bundled must not break a client written
 * against the last published contract (spec/baseline/). The other tests prove the gate can fail:
 * each alters a copy of the bundle in one way and checks what openapi-diff says about it.
 */
class BreakingChangeGateTest {

    private static final String MOVE_BASELINE = "mvn -B -pl publishing -am verify -Dtoast.baseline.accept=\"<why the break is accepted>\"";
    private static final String INSTANCES = "/v1.0/appkeys/{appkey}/instances";
    private static final String FLOATING_IPS = "/v1.0/appkeys/{appkey}/floating-ips";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theContractDoesNotBreakClientsOfTheBaseline() throws IOException {
        ContractDiff diff = ContractDiff.between(Build.baselineYaml(), Build.bundleYaml());
        diff.writeReports(Build.target("openapi-diff"), "baseline-to-current");
        Figures.record("breaking-change gate: baseline to current contract", diff.summary());

        assertFalse(diff.incompatible(), () -> "The contract breaks clients of the last published contract ("
                + Build.baselineYaml() + "):\n" + diff.markdown()
                + "\nReport: " + Build.target("openapi-diff", "baseline-to-current.html")
                + "\nIf the break is deliberate, move the baseline in the same change: " + MOVE_BASELINE
                + " (see docs/CONTRACT-PUBLISHING.md).");
    }

    @Test
    void removingAnOperationIsABreak() throws IOException {
        ContractDiff diff = alteredBundle("remove-operation",
                contract -> path(contract, FLOATING_IPS).remove("delete"));
        assertTrue(diff.incompatible(), diff::summary);
    }

    @Test
    void aNewRequiredRequestFieldIsABreak() throws IOException {
        ContractDiff diff = alteredBundle("new-required-request-field", contract -> {
            ObjectNode spec = schema(contract, "InstanceCreateSpec");
            ((ObjectNode) spec.path("properties")).putObject("projectId").put("type", "string");
            ((ArrayNode) spec.path("required")).add("projectId");
        });
        assertTrue(diff.incompatible(), diff::summary);
    }

    @Test
    void removingARequiredResponseFieldIsABreak() throws IOException {
        ContractDiff diff = alteredBundle("remove-required-response-field", contract -> {
            ObjectNode summary = schema(contract, "InstanceSummary");
            ((ObjectNode) summary.path("properties")).remove("status");
            ArrayNode required = (ArrayNode) summary.path("required");
            for (int i = required.size() - 1; i >= 0; i--) {
                if ("status".equals(required.get(i).asText())) {
                    required.remove(i);
                }
            }
        });
        assertTrue(diff.incompatible(), diff::summary);
    }

    @Test
    void anAdditionIsNotABreak() throws IOException {
        // A new operation and a new optional response field change the contract without breaking anyone:
        // the gate must let them through, or nobody could ever add to the API.
        ContractDiff diff = alteredBundle("additions", contract -> {
            ObjectNode get = path(contract, FLOATING_IPS).path("get").deepCopy();
            get.put("operationId", "listFloatingIpsAgain");
            ((ObjectNode) contract.path("paths")).putObject(FLOATING_IPS + "-again").set("get", get);
            ((ObjectNode) schema(contract, "InstanceSummary").path("properties"))
                    .putObject("description").put("type", "string");
        });
        assertFalse(diff.unchanged(), "the additions were not seen at all: " + diff.summary());
        assertFalse(diff.incompatible(), diff::markdown);
    }

    /** The bundle, altered, written under target/openapi-diff/, compared with the unaltered bundle. */
    private ContractDiff alteredBundle(String name, Consumer<ObjectNode> alteration) throws IOException {
        ObjectNode contract = (ObjectNode) json.readTree(Build.bundleJson().toFile());
        alteration.accept(contract);
        Path dir = Build.target("openapi-diff");
        Files.createDirectories(dir);
        Path altered = dir.resolve(name + ".json");
        json.writerWithDefaultPrettyPrinter().writeValue(altered.toFile(), contract);
        ContractDiff diff = ContractDiff.between(Build.bundleJson(), altered);
        diff.writeReports(dir, name);
        return diff;
    }

    private static ObjectNode path(ObjectNode contract, String path) {
        return (ObjectNode) contract.path("paths").path(path);
    }

    private static ObjectNode schema(ObjectNode contract, String name) {
        return (ObjectNode) contract.path("components").path("schemas").path(name);
    }
}
