package io.toastcloud.compute.client.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the token: issues it on first use, hands out the cached one while it is fresh, renews
 * it ahead of its expiry, and drops it when the service says it is no longer valid.
 *
 * <p>However many threads ask at once, one of them renews and the others wait for its result
 * (no stampede). {@link #invalidate(String)} only drops the token it names, so a burst of calls
 * that all failed with the same stale token causes one renewal, not one each.
 */
public final class TokenManager {
    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    private final TokenIssuer issuer;
    private final Clock clock;
    private final Duration renewAhead;
    private final ReentrantLock renewal = new ReentrantLock();
    private final AtomicLong issueCount = new AtomicLong();
    /** The token and when it is due for renewal, worked out once when it was issued (not per call). */
    private volatile Held current;

    private record Held(IssuedToken token, Instant renewAt) {
        boolean isFresh(Clock clock) {
            return clock.instant().isBefore(renewAt);
        }
    }

    /**
     * @param renewAhead renew this long before the token expires (capped at half the token's lifetime)
     */
    public TokenManager(TokenIssuer issuer, Clock clock, Duration renewAhead) {
        this.issuer = issuer;
        this.clock = clock;
        this.renewAhead = renewAhead;
    }

    /** The id of a fresh token, issuing or renewing one when needed. */
    public String tokenId() {
        Held held = current;
        if (held != null && held.isFresh(clock)) {
            return held.token().id();
        }
        renewal.lock();
        try {
            held = current;
            if (held != null && held.isFresh(clock)) {
                return held.token().id();
            }
            IssuedToken token = issuer.issue();
            current = new Held(token, renewAt(token));
            issueCount.incrementAndGet();
            LOG.debug("issued a token that expires at {}", token.expiresAt());
            return token.id();
        } finally {
            renewal.unlock();
        }
    }

    /** Drops the token with this id, if it is still the current one; the next call issues a new one. */
    public void invalidate(String tokenId) {
        renewal.lock();
        try {
            Held held = current;
            if (held != null && held.token().id().equals(tokenId)) {
                current = null;
                LOG.debug("dropped a token the service no longer accepts");
            }
        } finally {
            renewal.unlock();
        }
    }

    /** How many tokens this manager has issued (for monitoring and tests). */
    public long issueCount() {
        return issueCount.get();
    }

    private Instant renewAt(IssuedToken token) {
        Duration lifetime = Duration.between(token.issuedAt(), token.expiresAt());
        Duration ahead = renewAhead.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : renewAhead;
        return token.expiresAt().minus(ahead);
    }
}
