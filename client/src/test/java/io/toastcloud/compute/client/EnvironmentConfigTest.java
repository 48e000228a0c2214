package io.toastcloud.compute.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code fromEnvironment()}: a value set on the builder beats the system property, which beats the
 * environment variable, whatever the order of the calls; and what an endpoint may look like.
 */
class EnvironmentConfigTest {
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> variables = new HashMap<>();
    private final ToastComputeClient.Environment environment = new ToastComputeClient.Environment(properties::get, variables::get);

    private void everythingInTheVariables() {
        variables.put("TOAST_COMPUTE_ENDPOINT", "http://from-variable.example:8080");
        variables.put("TOAST_COMPUTE_APPKEY", "appkey-from-variable");
        variables.put("TOAST_COMPUTE_USERNAME", "user-from-variable");
        variables.put("TOAST_COMPUTE_API_PASSWORD", "password-from-variable");
    }

    private ToastComputeClient build(ToastComputeClient.Builder builder) {
        return builder.build();
    }

    @Test
    void variablesAloneConfigureTheClient() {
        everythingInTheVariables();
        try (ToastComputeClient client = build(ToastComputeClient.builder().fromEnvironment(environment))) {
            assertEquals(URI.create("http://from-variable.example:8080"), client.endpoint());
            assertEquals("appkey-from-variable", client.appkey());
            assertTrue(client.toString().contains("user-from-variable"), client.toString());
        }
    }

    @Test
    void aSystemPropertyBeatsTheVariable() {
        everythingInTheVariables();
        properties.put("toast.compute.endpoint", "https://from-property.example/compute");
        properties.put("toast.compute.appkey", "appkey-from-property");
        properties.put("toast.compute.username", "user-from-property");
        properties.put("toast.compute.apiPassword", "password-from-property");
        try (ToastComputeClient client = build(ToastComputeClient.builder().fromEnvironment(environment))) {
            assertEquals(URI.create("https://from-property.example/compute"), client.endpoint());
            assertEquals("appkey-from-property", client.appkey());
            assertTrue(client.toString().contains("user-from-property"), client.toString());
        }
    }

    @Test
    void aBuilderCallBeatsBothInEitherOrder() {
        everythingInTheVariables();
        properties.put("toast.compute.endpoint", "https://from-property.example/compute");
        properties.put("toast.compute.appkey", "appkey-from-property");
        ToastComputeClient.Builder before = ToastComputeClient.builder()
                .endpoint("http://explicit.example").appkey("explicit-appkey").credentials("explicit-user", "explicit-password")
                .fromEnvironment(environment);
        ToastComputeClient.Builder after = ToastComputeClient.builder().fromEnvironment(environment)
                .endpoint("http://explicit.example").appkey("explicit-appkey").credentials("explicit-user", "explicit-password");
        for (ToastComputeClient.Builder builder : new ToastComputeClient.Builder[] {before, after}) {
            try (ToastComputeClient client = build(builder)) {
                assertEquals(URI.create("http://explicit.example"), client.endpoint());
                assertEquals("explicit-appkey", client.appkey());
                assertTrue(client.toString().contains("explicit-user"), client.toString());
            }
        }
    }

    @Test
    void blankCountsAsUnsetAndWithoutAnyEndpointTheContractsServerIsUsed() {
        everythingInTheVariables();
        variables.remove("TOAST_COMPUTE_ENDPOINT");
        properties.put("toast.compute.endpoint", "  ");
        properties.put("toast.compute.appkey", "");
        try (ToastComputeClient client = build(ToastComputeClient.builder().fromEnvironment(environment))) {
            assertEquals(URI.create("https://api-compute.cloud.toast.com/compute"), client.endpoint());
            assertEquals("appkey-from-variable", client.appkey());
        }
    }

    @Test
    void withoutFromEnvironmentNothingIsRead() {
        everythingInTheVariables();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ToastComputeClient.builder().credentials("u", "p").build());
        assertTrue(e.getMessage().contains("appkey is required"), e.getMessage());
    }

    @Test
    void aMalformedEndpointFromTheEnvironmentIsRefusedNamingWhereItCameFrom() {
        everythingInTheVariables();
        variables.put("TOAST_COMPUTE_ENDPOINT", "ftp://files.example");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToastComputeClient.builder().fromEnvironment(environment).build());
        assertTrue(e.getMessage().contains("'ftp://files.example'"), e.getMessage());
        assertTrue(e.getMessage().contains("environment variable TOAST_COMPUTE_ENDPOINT"), e.getMessage());
        assertTrue(e.getMessage().contains("https:// or http://"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://api-compute.cloud.toast.com/compute, https://api-compute.cloud.toast.com/compute",
        "https://api-compute.cloud.toast.com/compute/, https://api-compute.cloud.toast.com/compute",
        "https://api-compute.cloud.toast.com/compute/v1.0, https://api-compute.cloud.toast.com/compute",
        "https://api-compute.cloud.toast.com/compute/v1.0/, https://api-compute.cloud.toast.com/compute",
        "https://api-compute.cloud.toast.com, https://api-compute.cloud.toast.com/compute",
        "https://api-compute.cloud.toast.com/, https://api-compute.cloud.toast.com/compute",
        "https://api-compute.cloud.toast.com/v1.0, https://api-compute.cloud.toast.com/compute",
        "http://127.0.0.1:8080, http://127.0.0.1:8080",
        "http://127.0.0.1:8080/v1.0, http://127.0.0.1:8080",
        "http://127.0.0.1:8080/compute/v1.0, http://127.0.0.1:8080/compute",
        "HTTP://localhost:9/, http://localhost:9",
    })
    void theEndpointIsTheRootBeforeV10(String given, String root) {
        try (ToastComputeClient client = ToastComputeClient.builder().appkey("k").credentials("u", "p").endpoint(given).build()) {
            assertEquals(URI.create(root), client.endpoint());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "api-compute.cloud.toast.com/compute | must start with https:// or http://",
        "ftp://api-compute.cloud.toast.com | must start with https:// or http://",
        "https:///compute | has no host",
        "https://api-compute.cloud.toast.com/compute?appkey=x | must not have a query",
        "https://api-compute.cloud.toast.com/compute#top | must not have a fragment",
        "https://api compute.example | is not a URL",
        "'' | is empty",
    })
    void aMalformedEndpointIsRefusedAtOnceNamingItAndTheRule(String given, String rule) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToastComputeClient.builder().endpoint(given));
        assertTrue(e.getMessage().startsWith("endpoint '" + given + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void anEndpointWithAUserAndPasswordIsRefusedWithoutRepeatingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToastComputeClient.builder().endpoint("https://user:hunter2@api-compute.cloud.toast.com/compute"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("must not carry a user name or password"), e.getMessage());
    }
}
