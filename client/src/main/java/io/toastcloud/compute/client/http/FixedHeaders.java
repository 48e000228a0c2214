package io.toastcloud.compute.client.http;

import feign.Contract;
import feign.MethodMetadata;
import feign.RequestTemplate;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The headers a method always sends (its {@code @Headers} without an expression, such as
 * {@code Accept: application/json}), kept out of Feign's request templates and put on the
 * request by {@link BaseUrlTarget}. Feign copies and prints every header template of a call
 * three times over streams (copying the method's template, resolving it, making the request):
 * about 1 KB per header and call for values that never change. The request that is sent, logged
 * and handed to a transport has the same headers as before; request interceptors no longer see
 * these constant ones in the template (they see the token and anything dynamic).
 */
public final class FixedHeaders implements Contract {
    private final Contract delegate;
    private final Map<Method, Map<String, Collection<String>>> byMethod = new ConcurrentHashMap<>();

    public FixedHeaders(Contract delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
        List<MethodMetadata> methods = delegate.parseAndValidateMetadata(targetType);
        for (MethodMetadata method : methods) {
            RequestTemplate template = method.template();
            Map<String, Collection<String>> fixed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            template.headers().forEach((name, values) -> {
                if (values.stream().noneMatch(v -> v.indexOf('{') >= 0)) {
                    fixed.put(name, List.copyOf(values));
                }
            });
            fixed.keySet().forEach(template::removeHeader);
            if (!fixed.isEmpty() && method.method() != null) {
                byMethod.put(method.method(), Collections.unmodifiableMap(fixed));
            }
        }
        return methods;
    }

    /**
     * A resolved template's headers with its method's fixed ones: the fixed values first, as
     * Feign would have listed them before any an interceptor added under the same name.
     */
    Map<String, Collection<String>> headersOf(RequestTemplate template) {
        Map<String, Collection<String>> own = template.headers();
        Map<String, Collection<String>> fixed = template.methodMetadata() == null || template.methodMetadata().method() == null
                ? null : byMethod.get(template.methodMetadata().method());
        if (fixed == null) {
            return own;
        }
        if (own.isEmpty()) {
            return fixed;
        }
        Map<String, Collection<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(fixed);
        own.forEach((name, values) -> all.merge(name, values, (first, more) -> {
            List<String> both = new ArrayList<>(first);
            both.addAll(more);
            return Collections.unmodifiableList(both);
        }));
        return Collections.unmodifiableMap(all);
    }
}
