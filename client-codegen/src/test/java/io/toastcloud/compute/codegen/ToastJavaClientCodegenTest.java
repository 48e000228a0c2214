package io.toastcloud.compute.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.List;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
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
    void twoOptionalQueryParametersGetAQueryObjectInsteadOfNulls() {
        CodegenOperation op = operation("/v1.0/appkeys/{appkey}/images", "get");
        assertEquals(true, op.vendorExtensions.get(ToastJavaClientCodegen.QUERY_OBJECT_EXTENSION));
        assertEquals(true, op.vendorExtensions.get(ToastJavaClientCodegen.REQUIRED_ONLY_EXTENSION));
        assertEquals("GET /images", op.vendorExtensions.get(ToastJavaClientCodegen.REQUIRED_REQUEST_LINE_EXTENSION));
    }

    @Test
    void optionalParametersOutsideTheQueryCannotGoInAQueryObject() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> operation("/v1.0/appkeys/{appkey}/volumes", "get"));
        assertTrue(e.getMessage().contains("listVolumes has 2 optional parameters, and X-Trace not in the query"),
                e.getMessage());
    }

    @Test
    void operationsBindingDifferentPrefixesFail() {
        operation("/v1.0/appkeys/{appkey}/instances", "get");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> operation("/v2.0/appkeys/{appkey}/flavors", "get"));
        assertTrue(e.getMessage().contains("binds the prefix /v2.0/appkeys/{appkey}"), e.getMessage());
    }

    @Test
    void anXTimestampPropertyIsAnInstantReadAndWrittenByTheGeneratedClass() {
        Schema<?> stamped = openApi.getComponents().getSchemas().get("Stamped");
        for (String name : List.of("createdAt", "inline")) {
            CodegenProperty p = codegen.fromProperty(name, (Schema<?>) stamped.getProperties().get(name), false);
            assertEquals("java.time.Instant", p.datatypeWithEnum, name);
            assertNull(p.pattern, name + ": no @Pattern on an Instant");
            @SuppressWarnings("unchecked")
            List<String> annotations = (List<String>) p.vendorExtensions.get("x-field-extra-annotation");
            assertTrue(annotations.get(1).contains("ToastTimestampJson.Reader.class"), annotations.toString());
        }
        CodegenProperty plain = codegen.fromProperty("name", (Schema<?>) stamped.getProperties().get("name"), false);
        assertEquals("String", plain.datatypeWithEnum);
        assertEquals("^[a-z]+$", plain.pattern);
    }

    @Test
    void anXTimestampThatIsNotAStringFailsGeneration() {
        Schema<?> stamped = openApi.getComponents().getSchemas().get("Stamped");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> codegen.fromProperty("count", (Schema<?>) stamped.getProperties().get("count"), false));
        assertTrue(e.getMessage().contains("count is marked x-timestamp but is not a string"), e.getMessage());
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
