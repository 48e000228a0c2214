package io.toastcloud.compute.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import feign.FeignException;
import feign.RetryableException;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.client.error.ToastComputeException;
import io.toastcloud.compute.client.error.ToastConnectionException;
import io.toastcloud.compute.client.error.ToastTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Turns anything a Feign call throws into this client's typed exceptions. Feign's own messages
 * contain the full URL (which may hold a secret query parameter) and are not kept. What was
 * thrown is always kept as the cause: as it is when no message in its chain holds a secret,
 * otherwise as a {@link RedactedCause} (same classes and stack traces, secrets cut out).
 */
public final class ExceptionTranslator {
    private final Redactor redactor;

    public ExceptionTranslator(Redactor redactor) {
        this.redactor = redactor;
    }

    public ToastComputeException translate(String operation, Throwable thrown) {
        if (thrown instanceof ToastComputeException typed) {
            return typed;
        }
        if (thrown.getCause() instanceof ToastComputeException typed) {
            return typed;
        }
        JsonProcessingException json = jsonFailureIn(thrown);
        if (json != null) {
            // Before the I/O cases (Jackson's exceptions are IOExceptions): Jackson quotes the
            // text near the error, which may be a secret no redactor knows yet (JsonFailures).
            String what = JsonFailures.describe(json);
            Throwable cause = JsonFailures.contentFree(json);
            return thrown instanceof feign.codec.EncodeException
                    ? new ToastComputeException(operation, "cannot encode the request (" + what + ")", cause)
                    : new MalformedResponseException(operation, "cannot decode the response (" + what + ")", cause);
        }
        if (thrown instanceof RetryableException || thrown instanceof IOException) {
            Throwable io = thrown instanceof IOException || thrown.getCause() == null ? thrown : thrown.getCause();
            return ioFailure(operation, io, "cannot exchange with the service");
        }
        if (thrown instanceof FeignException && !(thrown instanceof feign.codec.DecodeException)
                && thrown.getCause() instanceof IOException io) {
            // Feign wraps an I/O error met while the decoder reads the body (a reset or a close in
            // the middle of it, a timeout between two parts of it): the same fault as above, later.
            return ioFailure(operation, io, "the connection failed while the answer was read");
        }
        if (thrown instanceof feign.codec.DecodeException) {
            return new MalformedResponseException(operation, "cannot decode the response ("
                    + redactor.redactText(operation, rootMessage(thrown)) + ")", cause(operation, thrown));
        }
        if (thrown instanceof FeignException feign) {
            return new ToastComputeException(operation, feign.getClass().getSimpleName() + " (HTTP " + feign.status() + "): "
                    + redactor.redactText(operation, rootMessage(thrown)), cause(operation, thrown));
        }
        return new ToastComputeException(operation, thrown.getClass().getSimpleName() + ": "
                + redactor.redactText(operation, String.valueOf(thrown.getMessage())), cause(operation, thrown));
    }

    private ToastComputeException ioFailure(String operation, Throwable io, String context) {
        String what = io == null ? "I/O error" : redactor.redactText(operation, describe(io));
        Throwable cause = io == null ? null : cause(operation, io);
        if (isTimeout(io)) {
            return new ToastTimeoutException(operation, "timed out (" + what + ")", cause);
        }
        return new ToastConnectionException(operation, context + " (" + what + ")", cause);
    }

    /**
     * The I/O error and, when it differs, its root cause: the JDK's HTTP client reports a reset as
     * "header parser received no bytes" or "closed", with "Connection reset" only at the root.
     */
    private static String describe(Throwable io) {
        Throwable root = io;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == io ? summary(io) : summary(io) + "; cause: " + summary(root);
    }

    private static String summary(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** {@code thrown} itself when no message in its chain holds a secret, else its redacted copy. */
    private Throwable cause(String operation, Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            String message = t.getMessage();
            if (message != null && !message.equals(redactor.redactText(operation, message))) {
                return RedactedCause.of(thrown, redactor, operation);
            }
        }
        return thrown;
    }

    private static boolean isTimeout(Throwable io) {
        return io instanceof SocketTimeoutException || io instanceof HttpTimeoutException
                || io instanceof InterruptedIOException && String.valueOf(io.getMessage()).toLowerCase().contains("timeout")
                || io != null && io.getClass().getSimpleName().contains("Timeout");
    }

    /** The first Jackson failure in {@code thrown}'s chain, or null. */
    private static JsonProcessingException jsonFailureIn(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
