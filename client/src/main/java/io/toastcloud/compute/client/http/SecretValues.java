package io.toastcloud.compute.client.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Secret strings this client knows at run time (the API password, the token ids it was issued),
 * so that they can be cut out of any text before it is logged or put in an exception, whatever
 * shape that text has.
 *
 * <p>Two kinds, kept apart: a secret that lives as long as the client ({@link #add}: the API
 * password) is kept for the client's whole life; token ids ({@link #addToken}) come one per
 * renewal for as long as the client runs, so only the most recent are kept. (One bounded list
 * for both used to evict the password after 16 token issues.)
 */
public final class SecretValues {
    /** Token ids kept: the current one and those just before it, which calls in flight may still print. */
    static final int MAX_TOKENS = 16;
    private static final int MIN_LENGTH = 4;

    private final Set<String> forLife = new LinkedHashSet<>();
    private final Deque<String> tokens = new ArrayDeque<>();
    private volatile List<String> snapshot = List.of();

    /** A secret that lives as long as the client, such as the API password: never dropped. */
    public synchronized void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH && forLife.add(secret)) {
            tokens.remove(secret);
            publish();
        }
    }

    /** A token id: the most recent {@value #MAX_TOKENS} are kept. */
    public synchronized void addToken(String tokenId) {
        if (tokenId == null || tokenId.length() < MIN_LENGTH || forLife.contains(tokenId)) {
            return;
        }
        tokens.remove(tokenId);
        tokens.addFirst(tokenId);
        while (tokens.size() > MAX_TOKENS) {
            tokens.removeLast();
        }
        publish();
    }

    /** Every value, longest first (so that a secret holding another is cut whole). */
    List<String> snapshot() {
        return snapshot;
    }

    private void publish() {
        List<String> all = new ArrayList<>(forLife);
        all.addAll(tokens);
        all.sort((a, b) -> Integer.compare(b.length(), a.length()));
        snapshot = List.copyOf(all);
    }
}
