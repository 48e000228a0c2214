package io.toastcloud.compute.client.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Secret strings this client knows at run time (the API password, the token ids it was issued),
 * so that they can be cut out of any text before it is logged or put in an exception, whatever
 * shape that text has. Keeps the most recent token ids only.
 */
public final class SecretValues {
    private static final int MAX_VALUES = 16;
    private static final int MIN_LENGTH = 4;

    private final Deque<String> values = new ArrayDeque<>();

    public synchronized void add(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH || values.contains(secret)) {
            return;
        }
        values.addFirst(secret);
        while (values.size() > MAX_VALUES) {
            values.removeLast();
        }
    }

    synchronized List<String> snapshot() {
        return List.copyOf(values);
    }
}
