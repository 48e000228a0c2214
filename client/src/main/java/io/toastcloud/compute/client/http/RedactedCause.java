package io.toastcloud.compute.client.http;

/**
 * Stands in, as a cause, for an exception whose message (or a cause's) held a secret: the
 * original's class name, its message with secrets cut out, its stack trace, and its own cause
 * likewise. So that every exception this client throws keeps what caused it, printable.
 */
final class RedactedCause extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** A chain longer than this is cut (a chain can even loop back on itself). */
    private static final int MAX_DEPTH = 16;

    private final String originalClass;

    private RedactedCause(Throwable original, String message, Throwable cause) {
        super(message, cause, false, true);
        this.originalClass = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    /** A copy of {@code original}'s chain with every message passed through {@code redactor}. */
    static RedactedCause of(Throwable original, Redactor redactor, String operation) {
        return copy(original, redactor, operation, 0);
    }

    private static RedactedCause copy(Throwable t, Redactor redactor, String operation, int depth) {
        Throwable next = t.getCause();
        RedactedCause cause = next == null || next == t || depth >= MAX_DEPTH ? null
                : copy(next, redactor, operation, depth + 1);
        String message = t.getMessage() == null ? null : redactor.redactText(operation, t.getMessage());
        return new RedactedCause(t, message, cause);
    }

    /**
     * A copy of {@code original} whose message is {@code message} (known to hold no secret) and
     * whose causes keep their classes and stack traces but lose their messages: for a library's
     * exception that quotes text no redactor can recognise (Jackson quoting a malformed body).
     */
    static RedactedCause replacing(Throwable original, String message) {
        return new RedactedCause(original, message, withoutMessages(original.getCause(), original, 0));
    }

    private static RedactedCause withoutMessages(Throwable t, Throwable parent, int depth) {
        if (t == null || t == parent || depth >= MAX_DEPTH) {
            return null;
        }
        return new RedactedCause(t, null, withoutMessages(t.getCause(), t, depth + 1));
    }

    /** The class of the exception this stands for. */
    String originalClass() {
        return originalClass;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return originalClass + " (secrets redacted)" + (message == null ? "" : ": " + message);
    }
}
