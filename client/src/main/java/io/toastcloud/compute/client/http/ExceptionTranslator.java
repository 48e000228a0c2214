package io.toastcloud.compute.client.http;

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
 * contain the full URL (which may hold a secret query parameter) and are not kept; the I/O cause
 * is kept, with its message checked by the {@link Redactor}.
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
        if (thrown instanceof RetryableException || thrown instanceof IOException) {
            Throwable io = thrown instanceof IOException ? thrown : thrown.getCause();
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
                    + redactor.redactText(operation, rootMessage(thrown)) + ")", null);
        }
        if (thrown instanceof FeignException feign) {
            return new ToastComputeException(operation, feign.getClass().getSimpleName() + " (HTTP " + feign.status() + "): "
                    + redactor.redactText(operation, rootMessage(thrown)), null);
        }
        return new ToastComputeException(operation, thrown.getClass().getSimpleName() + ": "
                + redactor.redactText(operation, String.valueOf(thrown.getMessage())), null);
    }

    private ToastComputeException ioFailure(String operation, Throwable io, String context) {
        String what = io == null ? "I/O error" : redactor.redactText(operation, describe(io));
        Throwable cause = keepable(operation, io) ? io : null;
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

    /** An I/O cause is kept for its stack trace only when no message in its chain holds a secret. */
    private boolean keepable(String operation, Throwable io) {
        for (Throwable t = io; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(redactor.redactText(operation, message))) {
                return false;
            }
        }
        return io != null;
    }

    private static boolean isTimeout(Throwable io) {
        return io instanceof SocketTimeoutException || io instanceof HttpTimeoutException
                || io instanceof InterruptedIOException && String.valueOf(io.getMessage()).toLowerCase().contains("timeout")
                || io != null && io.getClass().getSimpleName().contains("Timeout");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
