package io.toastcloud.compute.contracttests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison of a decoded response with the answer on the wire: where it differs, never with which values. */
class JsonAssertionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSameDocumentUpToNullsAndNumberTypesHasNoDifferences() throws Exception {
        assertEquals(List.of(), JsonAssertions.differences(json("{\"a\": 1, \"b\": [1.0, \"x\"]}"),
                json("{\"b\": [1, \"x\"], \"a\": 1, \"c\": null}")));
    }

    @Test
    void twoFormsOfOneTimestampAreTheSameButTwoInstantsDiffer() throws Exception {
        assertEquals(List.of(), JsonAssertions.differences(json("{\"expires\": \"2017-05-16T03:17:50Z\"}"),
                json("{\"expires\": \"2017-05-16T03:17:50.000000\"}")));
        assertEquals(List.of("/expires (different value)"), JsonAssertions.differences(
                json("{\"expires\": \"2017-05-16T03:17:50Z\"}"), json("{\"expires\": \"2017-05-16T03:17:51.000000\"}")));
    }

    @Test
    void differencesArePointersWithoutValues() throws Exception {
        List<String> differences = JsonAssertions.differences(
                json("{\"access\": {\"token\": {\"id\": \"secret-1\"}}, \"list\": [1, 2], \"gone\": true}"),
                json("{\"access\": {\"token\": {\"id\": \"secret-2\"}}, \"list\": [1], \"new\": \"x\"}"));
        assertEquals(List.of("/access/token/id (different value)", "/gone (only in the first)",
                "/list (different value, 2 vs 1 items)", "/new (only in the second)"), differences);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
