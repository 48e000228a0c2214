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
 * without. Remembers which token the call in progress on a thread sent, so that a "token
 * invalid" answer drops exactly that token: per client (each client has its own interceptor and
 * its own thread-local), and only while the call runs ({@link ContractInvocationHandlerFactory}
 * puts back what the thread held before the call, which is nothing unless calls of the same
 * client are nested). A static thread-local used to be shared by every client and kept each
 * thread's last token id for ever.
 */
public final class AuthTokenInterceptor implements RequestInterceptor {
    private final ThreadLocal<String> sentByTheCallInProgress = new ThreadLocal<>();
    private final Contract contract;
    private final TokenManager tokens;
    private final String header;
    /** Whether each method's operation needs the token, looked up in the contract once per method. */
    private final Map<Method, Boolean> authenticated = new ConcurrentHashMap<>();

    public AuthTokenInterceptor(Contract contract, TokenManager tokens) {
        this.contract = contract;
        this.tokens = tokens;
        this.header = contract.tokenHeader();
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
        sentByTheCallInProgress.set(token);
        // A literal: the token is sent as it is, never read as a Feign template (cheaper per call, too).
        template.headerLiteral(header, token);
    }

    /** The token the call in progress on this thread sent, or null. */
    String lastSent() {
        return sentByTheCallInProgress.get();
    }

    /** Ends a call: the thread holds again what it held before it ({@code null}: nothing at all). */
    void restore(String before) {
        if (before == null) {
            sentByTheCallInProgress.remove();
        } else {
            sentByTheCallInProgress.set(before);
        }
    }
}
