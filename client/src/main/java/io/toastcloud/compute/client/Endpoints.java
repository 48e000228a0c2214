package io.toastcloud.compute.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What {@link ToastComputeClient#endpoint()} means, and the rules an endpoint must meet. The
 * endpoint is the service root, the URL that the contract's paths ({@code /v1.0/appkeys/...}) are
 * appended to: for the real service {@code https://api-compute.cloud.toast.com/compute}. It may be
 * given with or without a trailing {@code /} and with or without a trailing {@code /v1.0}: both are
 * dropped. A path is otherwise kept as given (an emulator may serve the API at its root); only the
 * real service's host given without any path gets the contract's own path ({@code /compute}), the
 * only place that host serves the API.
 */
final class Endpoints {
    private static final String VERSION = "/v1.0";

    private Endpoints() {
    }

    /**
     * The normalized root, or an {@link IllegalArgumentException} naming the endpoint, where it
     * came from and the rule it breaks.
     *
     * @param value as given
     * @param source where it came from, for the message ({@code endpoint(...)}, a system property, a variable)
     * @param contractServer the contract's server URL
     */
    static URI normalize(String value, String source, URI contractServer) {
        return withContractPath(parse(value, source), contractServer);
    }

    /**
     * Every rule of {@link #normalize}, without the contract: the root as given, its trailing
     * {@code /} and {@code /v1.0} dropped. The builder checks an endpoint with this when it is
     * given, and completes it ({@link #withContractPath}) when it builds, so that giving an
     * endpoint does not read the contract.
     */
    static URI parse(String value, String source) {
        if (value == null || value.isBlank()) {
            throw invalid(value, source, "is empty");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw invalid(value, source, "is not a URL (" + e.getReason() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            // The value itself is not repeated: a user-info part may be a password.
            throw new IllegalArgumentException("endpoint (from " + source
                    + ") must not carry a user name or password (user@host): credentials go in credentials(...)");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw invalid(value, source, "must start with https:// or http://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(value, source, "has no host");
        }
        if (uri.getRawQuery() != null) {
            throw invalid(value, source, "must not have a query (?...)");
        }
        if (uri.getRawFragment() != null) {
            throw invalid(value, source, "must not have a fragment (#...)");
        }
        String path = stripSlashes(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (path.endsWith(VERSION)) {
            path = stripSlashes(path.substring(0, path.length() - VERSION.length()));
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /** {@code parsed} (from {@link #parse}), with the contract's path when it is the real service's host without a path. */
    static URI withContractPath(URI parsed, URI contractServer) {
        String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
        if (path.isEmpty() && parsed.getHost().equalsIgnoreCase(contractServer.getHost())) {
            return URI.create(parsed.getScheme() + "://" + parsed.getRawAuthority()
                    + stripSlashes(contractServer.getRawPath() == null ? "" : contractServer.getRawPath()));
        }
        return parsed;
    }

    private static String stripSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static IllegalArgumentException invalid(String value, String source, String rule) {
        return new IllegalArgumentException("endpoint '" + value + "' (from " + source + ") " + rule
                + "; expected the service root, such as https://api-compute.cloud.toast.com/compute");
    }
}
