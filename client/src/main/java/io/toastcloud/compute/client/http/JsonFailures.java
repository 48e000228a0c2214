package io.toastcloud.compute.client.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Describes a JSON parse or mapping failure without the text Jackson quotes from the body
 * ("Unrecognized token 'tok-...'", "from String \"...\""). The body is a token issue's or a key
 * pair create's answer as often as anything else, and a secret the client has not read yet
 * cannot be redacted by value: so nothing of Jackson's message is kept, only what kind of
 * failure it was, where (line, column) and at which property of the model.
 */
final class JsonFailures {
    private JsonFailures() {
    }

    /** A description of {@code e} that quotes nothing of the body, e.g. "not valid JSON at line 1, column 35". */
    static String describe(JsonProcessingException e) {
        StringBuilder out = new StringBuilder(kind(e)).append(" (").append(e.getClass().getSimpleName()).append(')');
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            out.append(" at line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            out.append(", property ").append(path(mapping));
        }
        return out.toString();
    }

    /**
     * Stands in for {@code e} as a cause: its class, its stack trace and {@link #describe}'s text,
     * and its own causes with their messages left out (they may quote the body as well).
     */
    static Throwable contentFree(JsonProcessingException e) {
        return RedactedCause.replacing(e, describe(e));
    }

    private static String kind(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return "the body ends in the middle of a JSON value";
        }
        if (e instanceof InvalidFormatException) {
            return "a value has the wrong format";
        }
        if (e instanceof MismatchedInputException) {
            return "a value has the wrong JSON type";
        }
        if (e instanceof JsonMappingException) {
            return "a value cannot be read into the model";
        }
        return "not valid JSON";
    }

    /** The model's property names, e.g. access.token.id; map keys and other body text are left out. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (out.length() > 0) {
                out.append('.');
            }
            boolean modelProperty = ref.getFieldName() != null && ref.getFrom() != null
                    && !(ref.getFrom() instanceof java.util.Map);
            out.append(ref.getIndex() >= 0 ? "[" + ref.getIndex() + "]" : modelProperty ? ref.getFieldName() : "*");
        }
        return out.toString();
    }
}
