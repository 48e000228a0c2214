package io.toastcloud.compute.contracttests.support;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records every request the client is about to send (added last, so it sees the final headers
 * and body): proves what reached the wire, and that a refused request sent nothing at all.
 * Held in memory only and never printed: a token-issue body carries a password.
 */
public final class SentRequests implements RequestInterceptor {
    private static final String WITH_HTTP_INFO = "WithHttpInfo";
    private final List<Sent> sent = new ArrayList<>();

    /** One recorded request; {@code body} is null when there is none. */
    public record Sent(String operationId, String method, String url, Map<String, Collection<String>> headers, byte[] body) {
        public boolean hasHeader(String name) {
            return headers.containsKey(name) && !headers.get(name).isEmpty();
        }
    }

    @Override
    public synchronized void apply(RequestTemplate template) {
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(template.headers());
        sent.add(new Sent(operationOf(template), template.method(), template.url(), headers,
                template.body() == null ? null : template.body().clone()));
    }

    public synchronized int count() {
        return sent.size();
    }

    public synchronized List<Sent> all() {
        return List.copyOf(sent);
    }

    public synchronized Sent last() {
        if (sent.isEmpty()) {
            throw new IllegalStateException("the client sent nothing");
        }
        return sent.get(sent.size() - 1);
    }

    /** The operationId of a generated API method ({@code ...WithHttpInfo} variants included). */
    static String operationOf(RequestTemplate template) {
        if (template.methodMetadata() == null) {
            return null;
        }
        String name = template.methodMetadata().method().getName();
        return name.endsWith(WITH_HTTP_INFO) ? name.substring(0, name.length() - WITH_HTTP_INFO.length()) : name;
    }
}
