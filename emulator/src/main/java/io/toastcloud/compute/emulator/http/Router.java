package io.toastcloud.compute.emulator.http;

import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.OperationInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the contract operation of a request from its method and path templates ({@code {appkey}} is one segment). */
public final class Router {
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private final List<Route> routes = new ArrayList<>();

    public Router(Contract contract) {
        for (OperationInfo op : contract.operations().values()) {
            routes.add(compile(op));
        }
    }

    /** The operation and its decoded path parameters, if the method and path name one. */
    public Optional<Match> match(String method, String rawPath) {
        for (Route r : routes) {
            if (!r.operation.method().equalsIgnoreCase(method)) {
                continue;
            }
            Matcher m = r.pattern.matcher(rawPath);
            if (m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < r.names.size(); i++) {
                    params.put(r.names.get(i), PercentDecoding.decode(m.group(i + 1), false));
                }
                return Optional.of(new Match(r.operation, params));
            }
        }
        return Optional.empty();
    }

    /** Whether some operation has this path (with another method, when {@link #match} found none). */
    public boolean knowsPath(String rawPath) {
        return routes.stream().anyMatch(r -> r.pattern.matcher(rawPath).matches());
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

    /** A routed request: the operation and the values of its path template variables. */
    public record Match(OperationInfo operation, Map<String, String> pathParameters) {
    }
}
