package io.toastcloud.compute.client.http;

import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import java.lang.reflect.Method;

/**
 * Names the operation a Feign call belongs to. Generated methods are named after the
 * contract's operationIds; the {@code ...WithHttpInfo} variants carry a suffix.
 */
public final class Operations {
    private static final String WITH_HTTP_INFO = "WithHttpInfo";

    private Operations() {
    }

    public static String of(Method method) {
        String name = method.getName();
        return name.endsWith(WITH_HTTP_INFO) ? name.substring(0, name.length() - WITH_HTTP_INFO.length()) : name;
    }

    public static String of(RequestTemplate template) {
        return template.methodMetadata() == null ? null : of(template.methodMetadata().method());
    }

    public static String of(Request request) {
        return request == null || request.requestTemplate() == null ? null : of(request.requestTemplate());
    }

    public static String of(Response response) {
        return of(response.request());
    }
}
