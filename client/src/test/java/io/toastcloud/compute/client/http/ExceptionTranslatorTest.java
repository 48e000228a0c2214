package io.toastcloud.compute.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import feign.FeignException;
import feign.Request;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.client.error.ToastComputeException;
import io.toastcloud.compute.client.error.ToastConnectionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, case 1: a failure used to reach the caller as {@code createKeypair: StackOverflowError: null}
 * with {@code getCause()} null. Every translated exception keeps what caused it, with secrets cut
 * out of every message in the chain, and the original stack traces.
 */
class ExceptionTranslatorTest {
    private static final String PASSWORD = "pw-5ecret-in-a-message";
    private static final String TOKEN = "tok-5ecret-in-a-url";

    private final ExceptionTranslator translator;

    ExceptionTranslatorTest() {
        SecretValues values = new SecretValues();
        values.add(PASSWORD);
        translator = new ExceptionTranslator(new Redactor(Contract.bundled(), values));
    }

    private static String printed(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static void assertCausedBy(ToastComputeException e, Class<? extends Throwable> original) {
        assertNotNull(e.getCause(), () -> "no cause: " + printed(e));
        String trace = printed(e);
        assertTrue(trace.contains(original.getName()) || trace.contains(original.getSimpleName()),
                () -> "the cause names " + original.getSimpleName() + ": " + trace);
        assertFalse(trace.contains(PASSWORD), () -> "the password is in the trace: " + trace);
        assertFalse(trace.contains(TOKEN), () -> "the token is in the trace: " + trace);
    }

    @Test
    void anErrorKeepsItsCause() {
        StackOverflowError error = new StackOverflowError();
        ToastComputeException e = translator.translate("createKeypair", error);
        assertCausedBy(e, StackOverflowError.class);
        assertEquals(error.getStackTrace().length, e.getCause().getStackTrace().length, "with its stack trace");
    }

    @Test
    void anIoErrorWhoseMessageHoldsASecretKeepsARedactedCause() {
        IOException io = new IOException("cannot read http://h/v1.0/appkeys/a/tokens?id=" + TOKEN,
                new ConnectException("refused for password " + PASSWORD));
        ToastComputeException e = translator.translate("getToken", io);
        assertTrue(e instanceof ToastConnectionException, e.toString());
        assertCausedBy(e, IOException.class);
        assertNotNull(e.getCause().getCause(), "the whole chain is kept");
        assertTrue(printed(e).contains("ConnectException"), printed(e));
    }

    @Test
    void aFeignExceptionWithTheBodyInItsMessageKeepsARedactedCause() {
        Request request = Request.create(Request.HttpMethod.GET, "http://h/v1.0/appkeys/a/tokens?id=" + TOKEN, Map.of(),
                null, StandardCharsets.UTF_8, null);
        FeignException status = FeignException.errorStatus("TokenApi#getToken(String,String)",
                feign.Response.builder().status(418).request(request).headers(Map.of())
                        .body("{\"auth\":{\"password\":\"" + PASSWORD + "\"}}", StandardCharsets.UTF_8).build());
        for (Throwable thrown : List.of(status, new RuntimeException("wrapped", status),
                new feign.codec.DecodeException(200, "bad body " + PASSWORD, request, new IllegalStateException("{\"access\":{\"token\":{\"id\":\"" + TOKEN + "\"")))) {
            assertCausedBy(translator.translate("getToken", thrown), thrown.getClass());
        }
    }
    /** A Jackson failure that reaches the translator (wrapped by Feign) quotes the body: a key no redactor knows. */
    @Test
    void aJacksonFailureLosesTheTextItQuotes() {
        String unknownKey = "MIIEunknownPr1vateKeyMaterial";
        IOException json;
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"privateKey\":" + unknownKey + "}");
            throw new AssertionError("the body parsed");
        } catch (IOException e) {
            json = e;
        }
        assertTrue(json.getMessage().contains(unknownKey), "Jackson quotes the body: " + json.getMessage());
        Request request = Request.create(Request.HttpMethod.POST, "http://127.0.0.1/v1.0/appkeys/a/keypairs",
                Map.of(), new byte[0], StandardCharsets.UTF_8, null);
        for (Throwable thrown : List.of(json, new feign.codec.DecodeException(200, json.getMessage(), request, json),
                new feign.RetryableException(-1, json.getMessage(), Request.HttpMethod.POST, json, (Long) null, request))) {
            ToastComputeException e = translator.translate("createKeypair", thrown);
            assertFalse(e.getMessage().contains(unknownKey), () -> "the key is in the message: " + e.getMessage());
            assertTrue(e.getMessage().contains("line 1, column"), () -> "the location is kept: " + e.getMessage());
            assertFalse(printed(e).contains(unknownKey), () -> "the key is in the trace: " + printed(e));
            assertTrue(printed(e).contains(json.getClass().getName()), () -> "the cause names Jackson's exception: " + printed(e));
        }
    }
}
