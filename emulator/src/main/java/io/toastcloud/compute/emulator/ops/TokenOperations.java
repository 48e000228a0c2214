package io.toastcloud.compute.emulator.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toastcloud.compute.emulator.api.Envelopes;
import io.toastcloud.compute.emulator.api.Operation;
import io.toastcloud.compute.emulator.state.TokenRecord;
import io.toastcloud.compute.model.Token;
import io.toastcloud.compute.model.TokenAccess;
import io.toastcloud.compute.model.TokenIssueRequest;
import io.toastcloud.compute.model.TokenResponse;
import io.toastcloud.compute.model.TokenRole;
import io.toastcloud.compute.model.TokenUser;
import java.util.List;
import java.util.Map;

/** issueToken, getToken. */
final class TokenOperations {
    private final Emulation emulation;

    TokenOperations(Emulation emulation) {
        this.emulation = emulation;
    }

    void register(Map<String, Operation> ops) {
        ops.put("issueToken", request -> {
            TokenIssueRequest body = request.body(TokenIssueRequest.class, emulation.mapper());
            TokenRecord token = emulation.tokens().issue(request.appkey(), body.getAuth().getUsername(),
                    body.getAuth().getPassword());
            return response(token);
        });
        ops.put("getToken", request -> response(emulation.tokens().lookup(request.query("id"), request.appkey())));
    }

    /**
     * The model, with {@code expires} rewritten in the form the service gives it
     * ({@code 2017-05-16T03:17:50Z}, whole seconds) rather than the models' microsecond form, so
     * clients meet both forms of the contract's {@code Timestamp}, as they do against the service.
     */
    private JsonNode response(TokenRecord token) {
        TokenResponse response = new TokenResponse().header(Envelopes.ok()).access(new TokenAccess()
                .token(new Token().id(token.id()).expires(Timestamps.of(token.expiresAt()))
                        .issuedAt(Timestamps.of(token.issuedAt())))
                .user(new TokenUser().id(token.userId()).roles(List.of(new TokenRole().name("Member")))));
        ObjectNode json = emulation.mapper().valueToTree(response);
        ((ObjectNode) json.path("access").path("token")).put("expires", Timestamps.withZ(token.expiresAt()));
        return json;
    }
}
