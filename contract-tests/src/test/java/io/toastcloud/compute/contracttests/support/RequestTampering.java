package io.toastcloud.compute.contracttests.support;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.function.Consumer;

/**
 * Changes a request after the client has validated and written it, to send what the client
 * itself refuses to send (a body that breaks the contract, malformed JSON, another token): the
 * server side's answer then comes back through the client's own decoding and exception mapping.
 * Per thread and per operation, like {@link PreferExample}: a token issue made on the way is
 * left alone. (The client's builder documents interceptors as being for headers; breaking the
 * request on purpose is what this test double is for.)
 */
public final class RequestTampering implements RequestInterceptor {
    private static final ThreadLocal<Selection> SELECTION = new ThreadLocal<>();

    private record Selection(String operationId, Consumer<RequestTemplate> change) {
    }

    /** Runs {@code call} with {@code change} applied to every request of {@code operationId} it sends. */
    public static <T> T with(String operationId, Consumer<RequestTemplate> change, PreferExample.ThrowingSupplier<T> call)
            throws Throwable {
        SELECTION.set(new Selection(operationId, change));
        try {
            return call.get();
        } finally {
            SELECTION.remove();
        }
    }

    /** Replaces the body with {@code json} (sent as it is, also when it is not JSON). */
    public static Consumer<RequestTemplate> body(String json) {
        return template -> template.body(json);
    }

    /** Sends {@code token} as X-Auth-Token instead of the client's own. */
    public static Consumer<RequestTemplate> token(String token) {
        return template -> {
            template.removeHeader("X-Auth-Token");
            template.header("X-Auth-Token", token);
        };
    }

    @Override
    public void apply(RequestTemplate template) {
        Selection selection = SELECTION.get();
        if (selection != null && selection.operationId().equals(SentRequests.operationOf(template))) {
            selection.change().accept(template);
        }
    }
}
