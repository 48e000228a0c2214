package io.toastcloud.compute.contract;

/**
 * One broken rule of a request: the field (a JSON path such as {@code instance.name}, or a
 * parameter name), the rule (a JSON Schema keyword such as {@code maxLength}, or an
 * {@code x-rules} id), and the rule in words. Never contains the offending value, which
 * may be a secret.
 */
public record Violation(String field, String rule, String message) {
    @Override
    public String toString() {
        return field + " " + message + " [" + rule + "]";
    }
}
