package io.toastcloud.compute.client.http;

import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.OperationInfo;
import io.toastcloud.compute.contract.ParameterInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts secrets out of text before it is logged or put in an exception message. What is secret
 * comes from the contract ({@code x-secret} on properties, parameters and the security scheme)
 * plus the values this client knows ({@link SecretValues}). Works on partial and malformed JSON
 * too, because a truncated body is exactly what gets logged when something goes wrong.
 *
 * <p>Bodies are cut by {@link SecretSpans}, one linear pass (no regex over a body: a backtracking
 * one overflowed the stack on a generated key pair's 2.3 KB private key). The two patterns left
 * here each start at a fixed literal and run one character class, so they cannot backtrack.
 * If redaction fails anyway, the text is left out, never printed as it was.
 */
public final class Redactor {
    public static final String REDACTED = "*** redacted ***";

    private final Contract contract;
    private final SecretValues values;
    private final SecretSpans bodies;
    private final Pattern headerPattern;

    public Redactor(Contract contract, SecretValues values) {
        this.contract = contract;
        this.values = values;
        this.bodies = new SecretSpans(contract.secretPropertyPaths());
        // The security scheme's header, wherever it is printed as "Name: value".
        String header = contract.tokenHeader();
        headerPattern = Pattern.compile("(?i)(" + Pattern.quote(header) + "\\s*[:=]\\s*\\[?)[^\\],\\s]+");
    }

    /** The header that carries the token (from the contract's security scheme). */
    public boolean isSecretHeader(String name) {
        return name != null && name.equalsIgnoreCase(contract.tokenHeader());
    }

    /** Redacts every secret the contract and this client know of from {@code text}. */
    public String redactText(String operation, String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        try {
            String out = bodies.redact(text, REDACTED);
            out = headerPattern.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
            out = redactQuery(operation, out);
            for (String secret : values.snapshot()) {
                out = out.replace(secret, REDACTED);
            }
            return out;
        } catch (RuntimeException | StackOverflowError e) {
            return "(" + text.length() + " characters left out: they could not be redacted, "
                    + e.getClass().getSimpleName() + ")";
        }
    }

    private String redactQuery(String operation, String text) {
        if (operation == null) {
            return text;
        }
        OperationInfo info = contract.operation(operation).orElse(null);
        if (info == null) {
            return text;
        }
        String out = text;
        for (ParameterInfo p : info.parameters()) {
            if (p.secret() && "query".equals(p.in())) {
                out = out.replaceAll("([?&]" + Pattern.quote(p.name()) + "=)[^&\\s]*",
                        "$1" + Matcher.quoteReplacement(REDACTED));
            }
        }
        return out;
    }
}
