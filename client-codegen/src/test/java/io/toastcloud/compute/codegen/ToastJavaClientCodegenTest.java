package io.toastcloud.compute.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.List;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.junit.jupiter.api.Test;

/** What the generator does to an operation's parameters, on a small contract of its own. */
class ToastJavaClientCodegenTest {
    private final OpenAPI openApi = parse();
    private final ToastJavaClientCodegen codegen = new ToastJavaClientCodegen();

    ToastJavaClientCodegenTest() {
        codegen.setOpenAPI(openApi);
    }

    @Test
    void theClientBoundAppkeyLeavesTheSignatureAndThePath() {
        CodegenOperation op = operation("/v1.0/appkeys/{appkey}/instances", "delete");
        assertEquals(List.of("id"), names(op.allParams));
        assertEquals(List.of(), names(op.pathParams));
        assertEquals(List.of("id"), names(op.requiredParams));
        assertEquals("/instances", op.path);
        assertEquals("DELETE /instances?id={id}", op.vendorExtensions.get(ToastJavaClientCodegen.REQUEST_LINE_EXTENSION));
        assertEquals("/v1.0/appkeys/{appkey}", op.vendorExtensions.get(ToastJavaClientCodegen.BOUND_PREFIX_EXTENSION));
        assertNull(op.vendorExtensions.get(ToastJavaClientCodegen.REQUIRED_ONLY_EXTENSION), "nothing optional to leave out");
    }

    @Test
    void anOptionalParameterGetsAnOverloadWithoutIt() {
        CodegenOperation op = operation("/v1.0/appkeys/{appkey}/instances", "get");
        assertEquals(List.of("id"), names(op.allParams));
        assertEquals(true, op.vendorExtensions.get(ToastJavaClientCodegen.REQUIRED_ONLY_EXTENSION));
        assertEquals("GET /instances?id={id}", op.vendorExtensions.get(ToastJavaClientCodegen.REQUEST_LINE_EXTENSION));
        assertEquals("GET /instances", op.vendorExtensions.get(ToastJavaClientCodegen.REQUIRED_REQUEST_LINE_EXTENSION));
    }

    @Test
    void twoOptionalParametersFailInsteadOfNeedingNulls() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> operation("/v1.0/appkeys/{appkey}/images", "get"));
        assertTrue(e.getMessage().contains("listImages has 2 optional parameters (name, status)"), e.getMessage());
    }

    @Test
    void operationsBindingDifferentPrefixesFail() {
        operation("/v1.0/appkeys/{appkey}/instances", "get");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> operation("/v2.0/appkeys/{appkey}/flavors", "get"));
        assertTrue(e.getMessage().contains("binds the prefix /v2.0/appkeys/{appkey}"), e.getMessage());
    }

    private CodegenOperation operation(String path, String method) {
        Operation op = "get".equals(method) ? openApi.getPaths().get(path).getGet() : openApi.getPaths().get(path).getDelete();
        return codegen.fromOperation(path, method, op, null);
    }

    private static List<String> names(List<CodegenParameter> params) {
        return params.stream().map(p -> p.baseName).toList();
    }

    private static OpenAPI parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        String location = ToastJavaClientCodegenTest.class.getResource("/bound-appkey.yaml").toString();
        OpenAPI api = new OpenAPIParser().readLocation(location, null, options).getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("cannot parse " + location);
        }
        return api;
    }
}
