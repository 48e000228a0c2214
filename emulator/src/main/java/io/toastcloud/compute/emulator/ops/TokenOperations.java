package io.toastcloud.compute.emulator.ops;

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

    private static TokenResponse response(TokenRecord token) {
        return new TokenResponse().header(Envelopes.ok()).access(new TokenAccess()
                .token(new Token().id(token.id()).expires(Timestamps.of(token.expiresAt()))
                        .issuedAt(Timestamps.of(token.issuedAt())))
                .user(new TokenUser().id(token.userId()).roles(List.of(new TokenRole().name("Member")))));
    }
}
