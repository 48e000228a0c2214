package io.toastcloud.compute.client.http;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.toastcloud.compute.client.auth.TokenManager;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.OperationInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts the token in the header the contract's security scheme names ({@code X-Auth-Token}) on
 * every operation that requires it; the operations with {@code security: []} (token issue) go
 * without. Remembers, per thread, which token it sent, so that a "token invalid" answer drops
 * exactly that token.
 */
public final class AuthTokenInterceptor implements RequestInterceptor {
    private static final ThreadLocal<String> LAST_SENT = new ThreadLocal<>();

    private final Contract contract;
    private final TokenManager tokens;
    private final String header;
    /** Whether each method's operation needs the token, looked up in the contract once per method. */
    private final Map<Method, Boolean> authenticated = new ConcurrentHashMap<>();

    public AuthTokenInterceptor(Contract contract, TokenManager tokens) {
        this.contract = contract;
        this.tokens = tokens;
        this.header = contract.document().at("/components/securitySchemes/XAuthToken/name").asText("X-Auth-Token");
    }

    @Override
    public void apply(RequestTemplate template) {
        Method method = template.methodMetadata() == null ? null : template.methodMetadata().method();
        boolean needsToken = method == null || authenticated.computeIfAbsent(method,
                m -> contract.operation(Operations.of(m)).map(OperationInfo::authenticated).orElse(true));
        template.removeHeader(header);
        if (!needsToken) {
            return;
        }
        String token = tokens.tokenId();
        LAST_SENT.set(token);
        template.header(header, token);
    }

    /** The token this thread sent last, or null. */
    static String lastSent() {
        return LAST_SENT.get();
    }
}
