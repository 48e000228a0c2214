package io.toastcloud.compute.contracttests;

import io.toastcloud.compute.client.ToastComputeClient;
import io.toastcloud.compute.contracttests.support.PrismClient;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One documented rule, and one request that breaks it, tried twice: through the client, and
 * sent raw to Prism. Each side says what it must do with it.
 *
 * @param id stable name, used in docs/CONTRACT-TESTS.md
 * @param rule the rule in words
 * @param raw the request as any HTTP client could send it
 * @param client what the client must do
 * @param prism what Prism must do
 */
record RuleCase(String id, String rule, RawRequest raw, ClientSide client, PrismSide prism) {

    /** A request sent to Prism as is; {@code body} is JSON text (or deliberately not JSON), or null. */
    record RawRequest(String method, String pathAndQuery, String body, boolean withToken) {
    }

    /** What the client does with the bad request. */
    sealed interface ClientSide permits ClientRefuses, ClientCannotSend {
    }

    /**
     * The client refuses it before sending anything: RequestValidationException listing (at least)
     * these violations, each "field rule" (for example "instance.name maxLength").
     */
    record ClientRefuses(String operationId, List<String> violations, Function<ToastComputeClient, Object> call)
            implements ClientSide {
    }

    /**
     * The client has no way to send such a request at all; {@code proof} shows why, by asserting
     * on what it does send instead.
     */
    record ClientCannotSend(String why, Consumer<PrismClient> proof) implements ClientSide {
    }

    /** What Prism does with the raw request. */
    sealed interface PrismSide permits PrismRefuses, PrismAccepts {
    }

    /**
     * Prism refuses it with this status; a 422 lists (at least) these violations, each
     * "location code" (for example "body.instance.name maxLength"); other statuses carry
     * {@code bodyContains} in their body.
     */
    record PrismRefuses(int status, List<String> violations, String bodyContains) implements PrismSide {
        static PrismRefuses unprocessable(String... violations) {
            return new PrismRefuses(422, List.of(violations), "UNPROCESSABLE_ENTITY");
        }
    }

    /**
     * Prism accepts it (200 with the success example): JSON Schema cannot say the rule, or Prism
     * does not check it. {@code why} is recorded in the test name and the docs, honestly.
     */
    record PrismAccepts(String why) implements PrismSide {
    }
}
