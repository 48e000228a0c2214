package io.toastcloud.compute.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import feign.Param;
import feign.QueryMap;
import io.toastcloud.compute.contract.Contract;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shape of what users call (issue 13, items 1 and 2): no generated method takes the appkey
 * (it is the client's), no method has a query map, and no two methods of an API share a name and
 * a number of parameters, so no {@code null} argument can be ambiguous and no call needs a cast.
 */
class SurfaceTest {
    private static final String BOUND = Contract.bundled().clientBinding().orElseThrow().parameter();

    /** The generated API interfaces ({@code toast.api(XxxApi.class)} hands out each). */
    private static List<Class<?>> apis() {
        return GeneratedApis.all();
    }

    @Test
    void everyOperationOfTheContractIsAMethodOfAGeneratedApi() {
        Set<String> methods = new TreeSet<>();
        apis().forEach(api -> Arrays.stream(api.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                .forEach(m -> methods.add(m.getName())));
        assertEquals(new TreeSet<>(Contract.bundled().operations().keySet()), methods);
    }

    @Test
    void noMethodTakesTheAppkeyOrAnUntypedQueryMap() {
        List<String> offending = new ArrayList<>();
        for (Class<?> api : apis()) {
            for (Method m : api.getMethods()) {
                Annotation[][] all = m.getParameterAnnotations();
                for (int i = 0; i < all.length; i++) {
                    // A query map is allowed only as the typed query object the generator writes
                    // beside an operation with several optional parameters (D45), never a raw Map.
                    Class<?> type = m.getParameterTypes()[i];
                    boolean typedQueryObject = type.getEnclosingClass() == api && type.getSimpleName().endsWith("QueryParams");
                    for (Annotation a : all[i]) {
                        if (a instanceof Param p && p.value().equals(BOUND) || a instanceof QueryMap && !typedQueryObject) {
                            offending.add(api.getSimpleName() + "." + m.getName() + ": " + a);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), offending);
    }

    @Test
    void noTwoMethodsOfAnApiCanBeConfusedByANullArgument() {
        List<String> clashes = new ArrayList<>();
        for (Class<?> api : apis()) {
            Map<String, Method> byNameAndArity = new HashMap<>();
            for (Method m : api.getMethods()) {
                Method before = byNameAndArity.put(m.getName() + "/" + m.getParameterCount(), m);
                if (before != null) {
                    clashes.add(before.toGenericString() + " and " + m.toGenericString());
                }
            }
        }
        assertEquals(List.of(), clashes);
    }

    @Test
    void theHandWrittenHelpersTakeNoAppkeyEither() {
        for (Class<?> type : List.of(io.toastcloud.compute.client.resource.Instances.class,
                io.toastcloud.compute.client.resource.Volumes.class,
                io.toastcloud.compute.client.waiter.InstanceWaiters.class,
                io.toastcloud.compute.client.waiter.VolumeWaiters.class,
                io.toastcloud.compute.client.waiter.ImageWaiters.class)) {
            Arrays.stream(type.getConstructors()).forEach(c -> assertFalse(
                    Arrays.asList(c.getParameterTypes()).contains(String.class), () -> c + " takes a String (the appkey?)"));
        }
    }
}
