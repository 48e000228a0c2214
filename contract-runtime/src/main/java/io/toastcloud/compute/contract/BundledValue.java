package io.toastcloud.compute.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One string of the bundled contract, read by streaming the bundle instead of building its tree.
 * For code that needs a single value and not the rest ({@link ToastTimestamps}' pattern, read by
 * the generated models on their first timestamp): building {@link Contract#bundled()} costs a
 * 180 KB JSON tree and its indexes, which a program using only the models would pay at start
 * (issue 17). If the contract is loaded and its tree already parsed, the tree is used.
 */
final class BundledValue {
    private BundledValue() {
    }

    /** The string at {@code path} (object member names from the root), e.g. components, schemas, Timestamp, pattern. */
    static String text(String... path) {
        Contract loaded = Contract.loadedOrNull();
        if (loaded != null && loaded.documentParsed()) {
            return loaded.document().at("/" + String.join("/", path)).asText();
        }
        return streamed(path);
    }

    /** The same value read by streaming the bundle, whatever is loaded. */
    static String streamed(String... path) {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(Contract.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled contract " + Contract.RESOURCE
                        + " is not on the classpath (it comes with toast-compute-spec)");
            }
            try (JsonParser parser = new JsonFactory().createParser(in)) {
                return find(parser, path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled contract " + Contract.RESOURCE, e);
        }
    }

    private static String find(JsonParser parser, String[] path) throws IOException {
        JsonToken token = parser.nextToken();
        for (String name : path) {
            if (token != JsonToken.START_OBJECT) {
                throw absent(path);
            }
            token = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                if (member.equals(name)) {
                    token = value;
                    break;
                }
                parser.skipChildren();
            }
            if (token == null) {
                throw absent(path);
            }
        }
        if (token != JsonToken.VALUE_STRING) {
            throw absent(path);
        }
        return parser.getText();
    }

    private static IllegalStateException absent(String[] path) {
        return new IllegalStateException("the bundled contract has no string at /" + String.join("/", path));
    }
}
