package io.toastcloud.compute.client.http;

import feign.Request;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's request/response logging, through SLF4J at DEBUG, with every secret cut out first:
 * the {@code X-Auth-Token} header, secret body properties ({@code password}, the token id, a
 * generated private key), secret query parameters, and any secret value the client knows.
 */
public final class RedactingLogger extends feign.Logger {
    private final Logger log;
    private final Redactor redactor;

    public RedactingLogger(Logger log, Redactor redactor) {
        this.log = log;
        this.redactor = redactor;
    }

    public RedactingLogger(Redactor redactor) {
        this(LoggerFactory.getLogger("io.toastcloud.compute.client.wire"), redactor);
    }

    /**
     * The client's bodies are JSON sent without a charset ({@link JsonBodyEncoder}), which Feign
     * would log as "Binary data": logged as the UTF-8 text they are, and redacted as always.
     */
    @Override
    protected void logRequest(String configKey, Level logLevel, Request request) {
        if (logLevel == Level.FULL && request.body() != null && request.charset() == null) {
            request = Request.create(request.httpMethod(), request.url(), request.headers(), request.body(),
                    StandardCharsets.UTF_8, request.requestTemplate());
        }
        super.logRequest(configKey, logLevel, request);
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        try {
            if (!log.isDebugEnabled()) {
                return;
            }
            Object[] safe = args;
            if ("%s: %s".equals(format) && args.length == 2 && redactor.isSecretHeader(String.valueOf(args[0]))) {
                safe = new Object[] {args[0], Redactor.REDACTED};
            }
            String message = methodTag(configKey) + String.format(format, safe);
            log.debug(redactor.redactText(operation(configKey), message));
        } catch (RuntimeException | StackOverflowError e) {
            // Feign logs while it holds the answer: a failure here would lose an answer that
            // arrived (a created key pair's private key). The line is left out, never printed raw.
            placeholder(configKey, e);
        }
    }

    private void placeholder(String configKey, Throwable e) {
        try {
            log.debug("{}(a line left out: logging it failed with {})", methodTag(configKey), e.getClass().getName());
        } catch (RuntimeException | StackOverflowError ignored) {
            // The logger itself fails: nothing more can be said through it.
        }
    }

    /** {@code TokenApi#getToken(String,String)} names the operation {@code getToken}. */
    static String operation(String configKey) {
        int hash = configKey.indexOf('#');
        int paren = configKey.indexOf('(');
        if (hash < 0 || paren < hash) {
            return null;
        }
        String method = configKey.substring(hash + 1, paren);
        return method.endsWith("WithHttpInfo") ? method.substring(0, method.length() - "WithHttpInfo".length()) : method;
    }
}
