package io.toastcloud.compute.contracttests.support;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/**
 * Asks Prism for a named example of one operation's response ({@code Prefer: example=<name>}).
 * The choice is per thread and per operation: only requests of the selected operation carry the
 * header, so that a token re-issue made on the way (POST /tokens) gets its own normal answer.
 */
public final class PreferExample implements RequestInterceptor {
    private static final ThreadLocal<Selection> SELECTION = new ThreadLocal<>();

    private record Selection(String operationId, String example) {
    }

    /** Runs {@code call} with {@code example} selected for {@code operationId}. */
    public static <T> T with(String operationId, String example, ThrowingSupplier<T> call) throws Throwable {
        SELECTION.set(new Selection(operationId, example));
        try {
            return call.get();
        } finally {
            SELECTION.remove();
        }
    }

    /** A call that may throw anything (what the test asserts on). */
    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Throwable;
    }

    @Override
    public void apply(RequestTemplate template) {
        Selection selection = SELECTION.get();
        if (selection != null && selection.operationId().equals(SentRequests.operationOf(template))) {
            template.header("Prefer", "example=" + selection.example());
        }
    }
}
