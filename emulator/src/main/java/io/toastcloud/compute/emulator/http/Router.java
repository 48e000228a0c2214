package io.toastcloud.compute.emulator.http;

import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.OperationInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the contract operation of a request from its method and path templates ({@code {appkey}}
 * is one segment). A path may carry the real service's base path (the path of the contract's
 * server URL, {@code /compute}) or not: {@code /compute/v1.0/...} and {@code /v1.0/...}
 * name the same operation, so any client pointed at {@code http://127.0.0.1:PORT/compute} works
 * unchanged.
 */
public final class Router {
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private final List<Route> routes = new ArrayList<>();
    private final String servicePrefix;

    public Router(Contract contract) {
        String path = URI.create(contract.document().at("/servers/0/url").asText("/")).getRawPath();
        this.servicePrefix = path == null || path.isEmpty() || path.equals("/") ? null
                : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (OperationInfo op : contract.operations().values()) {
            routes.add(compile(op));
        }
    }

    /**
     * The operation and its decoded path parameters, if the method and path name one. Methods are
     * case-sensitive (RFC 9110 9.1): {@code get} is not {@code GET}, and names no operation.
     */
    public Optional<Match> match(String method, String rawPath) {
        String path = withoutServicePrefix(rawPath);
        for (Route r : routes) {
            if (!r.operation.method().equals(method)) {
                continue;
            }
            Matcher m = r.pattern.matcher(path);
            if (m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                List<String> undecodable = new ArrayList<>();
                for (int i = 0; i < r.names.size(); i++) {
                    String name = r.names.get(i);
                    PercentDecoding.decode(m.group(i + 1), false).ifPresentOrElse(v -> params.put(name, v),
                            () -> undecodable.add(name));
                }
                return Optional.of(new Match(r.operation, params, List.copyOf(undecodable)));
            }
        }
        return Optional.empty();
    }

    /** Whether some operation has this path (with another method, when {@link #match} found none). */
    public boolean knowsPath(String rawPath) {
        String path = withoutServicePrefix(rawPath);
        return routes.stream().anyMatch(r -> r.pattern.matcher(path).matches());
    }

    /** The base path of the contract's server URL ({@code /compute}), or empty when it has none. */
    public Optional<String> servicePrefix() {
        return Optional.ofNullable(servicePrefix);
    }

    /** The path as the contract writes it: {@code /compute/v1.0/x} becomes {@code /v1.0/x}; others are unchanged. */
    public String withoutServicePrefix(String rawPath) {
        if (servicePrefix != null && rawPath != null && rawPath.startsWith(servicePrefix + "/")) {
            return rawPath.substring(servicePrefix.length());
        }
        return rawPath;
    }

    private static Route compile(OperationInfo op) {
        Matcher m = TEMPLATE_VARIABLE.matcher(op.path());
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(op.path().substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(op.path().substring(last)));
        return new Route(op, Pattern.compile(regex.toString()), List.copyOf(names));
    }

    private record Route(OperationInfo operation, Pattern pattern, List<String> names) {
    }

    /**
     * A routed request: the operation and the values of its path template variables, and the
     * names of those whose escapes are not UTF-8 (left out of {@code pathParameters}: -4).
     */
    public record Match(OperationInfo operation, Map<String, String> pathParameters, List<String> undecodable) {
        /** Throws the -4 when a path parameter could not be decoded. */
        public void requireDecoded() {
            if (!undecodable.isEmpty()) {
                throw PercentDecoding.notUtf8(String.join(", ", undecodable));
            }
        }
    }
}
