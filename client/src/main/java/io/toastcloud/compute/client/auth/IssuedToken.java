package io.toastcloud.compute.client.auth;

import java.time.Instant;

/**
 * A token as the client keeps it. {@link #toString()} never shows the id, which is a secret.
 *
 * @param id the token id sent as {@code X-Auth-Token}
 * @param issuedAt when the client received it
 * @param expiresAt when the service says it expires
 */
public record IssuedToken(String id, Instant issuedAt, Instant expiresAt) {
    @Override
    public String toString() {
        return "IssuedToken[id=*** redacted ***, issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
