package io.toastcloud.compute.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The facts prepared at build time are the bundle's facts: the same operations, parameters and
 * their schemas, result codes, secrets, binding, token header and server, or they are not used.
 */
class PreparedContractTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ClassLoader LOADER = PreparedContractTest.class.getClassLoader();

    /** Fails when the prepared form on the class path is stale: the bundle changed and it was not written again. */
    @Test
    void thePreparedFormIsTheReadingOfTheBundleOnTheClassPath() throws IOException {
        byte[] bundle = Contract.readBundle(LOADER);
        JsonNode onClassPath;
        try (InputStream in = LOADER.getResourceAsStream(PreparedContract.RESOURCE)) {
            assertNotNull(in, PreparedContract.RESOURCE + " is written by this module's build (process-classes)");
            onClassPath = MAPPER.readTree(in);
        }
        assertEquals(PreparedContract.of(bundle, MAPPER.readTree(bundle)), onClassPath);
    }

    @Test
    void theBundledContractTakesThePreparedFactsAndParsesTheDocumentOnlyWhenAskedFor() throws IOException {
        Contract prepared = Contract.load(LOADER);
        assertTrue(prepared.preparedFacts());
        assertFalse(prepared.documentParsed(), "nothing in the facts needs the document");

        Contract fromTree = new Contract(MAPPER.readTree(Contract.readBundle(LOADER)));
        assertFalse(fromTree.preparedFacts());
        assertSameFacts(fromTree, prepared);
        assertFalse(prepared.documentParsed());

        assertEquals(fromTree.schema("TokenIssueRequest"), prepared.schema("TokenIssueRequest"));
        assertTrue(prepared.documentParsed());
        assertEquals(fromTree.terminalFailureValues("InstanceStatus"), prepared.terminalFailureValues("InstanceStatus"));
    }

    /** A runtime next to another version's bundle reads that bundle itself, and gets its facts right. */
    @Test
    void factsPreparedFromAnotherBundleAreNotUsed() throws IOException {
        byte[] other = withoutLastPath(Contract.readBundle(LOADER));
        ClassLoader otherBundle = new ClassLoader(LOADER) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return Contract.RESOURCE.equals(name) ? new ByteArrayInputStream(other) : super.getResourceAsStream(name);
            }
        };
        Contract c = Contract.load(otherBundle);
        assertFalse(c.preparedFacts());
        assertSameFacts(new Contract(MAPPER.readTree(other)), c);
        assertTrue(c.operations().size() < Contract.bundled().operations().size(), "the other bundle's operations");
    }

    private static void assertSameFacts(Contract expected, Contract actual) {
        assertEquals(expected.operations(), actual.operations());
        assertEquals(Arrays.asList(expected.operations().keySet().toArray()), Arrays.asList(actual.operations().keySet().toArray()),
                "operations in the contract's order");
        assertEquals(expected.secretPropertyPaths(), actual.secretPropertyPaths());
        assertEquals(expected.secretPropertyNames(), actual.secretPropertyNames());
        assertEquals(expected.clientBinding(), actual.clientBinding());
        assertEquals(expected.tokenHeader(), actual.tokenHeader());
        assertEquals(expected.defaultServerUrl(), actual.defaultServerUrl());
        for (int code = -10; code <= 100_000; code++) {
            assertEquals(expected.isTokenInvalid(code), actual.isTokenInvalid(code));
            assertEquals(expected.resultCodeClass(code), actual.resultCodeClass(code));
            assertEquals(expected.rangeHttpStatus(code), actual.rangeHttpStatus(code));
        }
    }

    /** The bundle without its last path: another contract, another fingerprint. */
    private static byte[] withoutLastPath(byte[] bundle) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(bundle);
        com.fasterxml.jackson.databind.node.ObjectNode paths = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("paths");
        String last = null;
        for (java.util.Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            last = names.next();
        }
        paths.remove(last);
        return MAPPER.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
    }
}
