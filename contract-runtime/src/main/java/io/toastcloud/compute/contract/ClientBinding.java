package io.toastcloud.compute.contract;

import java.nio.charset.StandardCharsets;

/**
 * The path parameter the contract binds to the client ({@code x-toast-parameter-location:
 * client}, spec/DECISIONS.md D44) and the path prefix every operation shares through it: the
 * appkey and {@code /v1.0/appkeys/{appkey}}. The generated methods carry neither; the client
 * puts {@link #expand(String) the filled-in prefix} into the base URL of its Feign targets.
 *
 * @param parameter the parameter's name, e.g. {@code appkey}
 * @param pathPrefix the paths' common prefix through the parameter, e.g. {@code /v1.0/appkeys/{appkey}}
 */
public record ClientBinding(String parameter, String pathPrefix) {
    /** The vendor extension on a parameter that binds it to the client. */
    public static final String EXTENSION = "x-toast-parameter-location";

    /**
     * Written out rather than generated: a record's generated {@code equals} links through
     * {@code java.lang.runtime.ObjectMethods} on its first call, which spins method-handle
     * classes at run time, and the contract compares bindings while it loads (a fresh JVM's
     * start, docs/BENCHMARKS.md "Cold start"). Same meaning as the generated one.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ClientBinding b && parameter.equals(b.parameter) && pathPrefix.equals(b.pathPrefix);
    }

    @Override
    public int hashCode() {
        return 31 * parameter.hashCode() + pathPrefix.hashCode();
    }

    /** The prefix with {@code value} in place of the parameter, percent-encoded as one path segment. */
    public String expand(String value) {
        return pathPrefix.replace("{" + parameter + "}", encodePathSegment(value));
    }

    /** RFC 3986: everything but the unreserved characters is percent-encoded (UTF-8). */
    static String encodePathSegment(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
