package io.toastcloud.compute.client.auth;

/** Issues a new token (one {@code issueToken} call). */
@FunctionalInterface
public interface TokenIssuer {
    IssuedToken issue();
}
