package io.toastcloud.compute.contracttests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A contract request example with some values replaced: the ids of resources a stateful server
 * made during the test, where the example names ids of its own.
 */
public final class RequestExamples {
    private RequestExamples() {
    }

    /** A copy of {@code example} with the text at {@code pointer} (an existing property) set to {@code value}. */
    public static JsonNode with(JsonNode example, String pointer, String value) {
        JsonNode copy = example.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        if (!(parent instanceof ObjectNode object) || !object.has(name)) {
            throw new IllegalArgumentException("the example has no property at " + pointer + ": the contract changed");
        }
        object.put(name, value);
        return copy;
    }
}
