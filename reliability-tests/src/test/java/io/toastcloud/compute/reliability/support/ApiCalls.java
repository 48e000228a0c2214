package io.toastcloud.compute.reliability.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Param;
import feign.QueryMap;
import io.toastcloud.compute.api.AvailabilityZoneApi;
import io.toastcloud.compute.api.BlockStorageApi;
import io.toastcloud.compute.api.FlavorApi;
import io.toastcloud.compute.api.FloatingIpApi;
import io.toastcloud.compute.api.ImageApi;
import io.toastcloud.compute.api.InstanceActionApi;
import io.toastcloud.compute.api.InstanceApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.api.NetworkApi;
import io.toastcloud.compute.api.SecurityGroupApi;
import io.toastcloud.compute.api.SecurityGroupRuleApi;
import io.toastcloud.compute.api.SubnetApi;
import io.toastcloud.compute.api.TokenApi;
import io.toastcloud.compute.client.ToastComputeClient;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every method of every generated API interface, and how to call it with values taken from the
 * contract: path and query parameters from a map, the body from a contract request example
 * (read into the method's body type with the client's own mapper).
 */
public final class ApiCalls {
    public static final List<Class<?>> API_TYPES = List.of(TokenApi.class, AvailabilityZoneApi.class, InstanceApi.class,
            InstanceActionApi.class, FlavorApi.class, KeypairApi.class, ImageApi.class, BlockStorageApi.class,
            SecurityGroupApi.class, SecurityGroupRuleApi.class, NetworkApi.class, SubnetApi.class, FloatingIpApi.class);

    private static final ObjectMapper MAPPER = ToastComputeClient.objectMapper();
    private static final String WITH_HTTP_INFO = "WithHttpInfo";

    private ApiCalls() {
    }

    /** One generated method: its interface, and the contract operation it calls. */
    public record ApiMethod(Class<?> api, Method method, String operationId) {
        public boolean withHttpInfo() {
            return method.getName().endsWith(WITH_HTTP_INFO);
        }

        /** The overload taking a {@code ...QueryParams} map instead of one argument per query parameter. */
        public boolean queryMap() {
            return Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream).anyMatch(a -> a instanceof QueryMap);
        }

        /** Whether the method has an argument for the path or query parameter {@code name}. */
        public boolean takes(String name) {
            return Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
                    .anyMatch(a -> a instanceof Param p && p.value().equals(name));
        }

        /** The body parameter's type, if the method takes a body. */
        public Optional<Class<?>> bodyType() {
            for (int i = 0; i < method.getParameterCount(); i++) {
                if (!annotated(method.getParameterAnnotations()[i])) {
                    return Optional.of(method.getParameterTypes()[i]);
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return api.getSimpleName() + "." + method.getName() + (queryMap() ? "(QueryMap)" : "");
        }
    }

    /** Every API method, in a stable order. */
    public static List<ApiMethod> all() {
        List<ApiMethod> out = new ArrayList<>();
        for (Class<?> api : API_TYPES) {
            Arrays.stream(api.getMethods())
                    .filter(m -> !m.isDefault() && !Modifier.isStatic(m.getModifiers()))
                    .sorted(Comparator.comparing(Method::toGenericString))
                    .forEach(m -> out.add(new ApiMethod(api, m, operationOf(m))));
        }
        return out;
    }

    /**
     * The method with every parameter of an operation (no WithHttpInfo or QueryMap variant, and
     * not the overload that leaves the optional parameter out).
     */
    public static ApiMethod plain(String operationId) {
        return all().stream().filter(m -> m.operationId().equals(operationId) && !m.withHttpInfo() && !m.queryMap())
                .max(Comparator.comparingInt(m -> m.method().getParameterCount()))
                .orElseThrow(() -> new IllegalArgumentException("no generated method for " + operationId));
    }

    static String operationOf(Method m) {
        String name = m.getName();
        return name.endsWith(WITH_HTTP_INFO) ? name.substring(0, name.length() - WITH_HTTP_INFO.length()) : name;
    }

    /**
     * The arguments of a call.
     *
     * @param parameters values of path and query parameters by name; a missing name is passed as
     *                   null (the appkey is the client's: no method takes it)
     * @param body the JSON body, read into the method's body type; null passes null
     */
    public static Object[] arguments(ApiMethod m, Map<String, String> parameters, JsonNode body) {
        Method method = m.method();
        Object[] args = new Object[method.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            Annotation[] annotations = method.getParameterAnnotations()[i];
            Param param = find(annotations, Param.class);
            if (param != null) {
                args[i] = parameters.get(param.value());
            } else if (find(annotations, QueryMap.class) != null) {
                args[i] = queryMap(method.getParameterTypes()[i], parameters);
            } else {
                args[i] = body == null ? null : read(body, method.getParameterTypes()[i]);
            }
        }
        return args;
    }

    /** The arguments with the body argument replaced by {@code body} (an object of the body type). */
    public static Object[] withBody(ApiMethod m, Object[] args, Object body) {
        Object[] copy = args.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!annotated(m.method().getParameterAnnotations()[i])) {
                copy[i] = body;
            }
        }
        return copy;
    }

    /** Reads a JSON body into a generated model type, as an application would build it. */
    public static Object read(JsonNode body, Class<?> type) {
        try {
            return MAPPER.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + body + " as " + type.getSimpleName(), e);
        }
    }

    /** Calls the method on the client's wired API, unwrapping what it throws. */
    public static Object invoke(ToastComputeClient client, ApiMethod m, Object[] args) {
        Object api = client.api(m.api());
        try {
            return m.method().invoke(api, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object queryMap(Class<?> type, Map<String, String> parameters) {
        try {
            Object map = type.getDeclaredConstructor().newInstance();
            for (Method setter : type.getMethods()) {
                if (setter.getDeclaringClass() == type && setter.getParameterCount() == 1
                        && parameters.get(setter.getName()) != null) {
                    setter.invoke(map, parameters.get(setter.getName()));
                }
            }
            return map;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private static boolean annotated(Annotation[] annotations) {
        return find(annotations, Param.class) != null || find(annotations, QueryMap.class) != null;
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        for (Annotation a : annotations) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }
}
