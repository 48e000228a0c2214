package io.toastcloud.compute.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuilderAndCredentialsTest {
    @Test
    void appkeyAndCredentialsAreRequired() {
        IllegalStateException noAppkey = assertThrows(IllegalStateException.class,
                () -> ToastComputeClient.builder().credentials("u", "p").build());
        assertTrue(noAppkey.getMessage().contains("appkey"));
        IllegalStateException noCredentials = assertThrows(IllegalStateException.class,
                () -> ToastComputeClient.builder().appkey("a").build());
        assertTrue(noCredentials.getMessage().contains("credentials"));
    }

    /** Issue 12, case 4: after appkeyFromEnvironment() the message says what was read and found unset. */
    @Test
    void aMissingAppkeyFromTheEnvironmentNamesTheVariableAndTheProperty() {
        assertNull(System.getenv("TOAST_COMPUTE_APPKEY"), "this test needs TOAST_COMPUTE_APPKEY unset");
        String before = System.clearProperty("toast.compute.appkey");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ToastComputeClient.builder().appkeyFromEnvironment().credentials("u", "p").build());
            assertTrue(e.getMessage().contains("TOAST_COMPUTE_APPKEY") && e.getMessage().contains("toast.compute.appkey")
                    && e.getMessage().contains("unset"), e.getMessage());
        } finally {
            if (before != null) {
                System.setProperty("toast.compute.appkey", before);
            }
        }
    }

    @Test
    void badTimeoutsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToastComputeClient.builder().readTimeout(Duration.ZERO));
        assertTrue(e.getMessage().contains("readTimeout"));
    }

    @Test
    void defaultEndpointIsTheContractsServer() {
        try (ToastComputeClient client = ToastComputeClient.builder().appkey("a").credentials("u", "p").build()) {
            assertTrue(client.toString().contains("endpoint=https://api-compute.cloud.toast.com/compute"), client.toString());
        }
    }

    @Test
    void credentialsFromPropertiesWinOverEnvironment() {
        Map<String, String> props = Map.of(Credentials.PROP_USERNAME, "prop-user", Credentials.PROP_PASSWORD, "prop-pass");
        Map<String, String> env = Map.of(Credentials.ENV_USERNAME, "env-user", Credentials.ENV_PASSWORD, "env-pass");
        Credentials c = Credentials.from(props::get, env::get);
        assertEquals("prop-user", c.username());
        assertEquals("prop-pass", c.apiPassword());
        Credentials fromEnv = Credentials.from(k -> null, env::get);
        assertEquals("env-user", fromEnv.username());
    }

    @Test
    void missingCredentialsNameWhatIsMissingWithoutValues() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Credentials.from(k -> null, Map.of(Credentials.ENV_USERNAME, "env-user")::get));
        assertTrue(e.getMessage().contains("API password missing"), e.getMessage());
        assertTrue(e.getMessage().contains(Credentials.ENV_PASSWORD));
    }

    @Test
    void credentialsNeverPrintThePassword() {
        Credentials c = Credentials.of("user", "hunter2-secret");
        assertFalse(c.toString().contains("hunter2-secret"));
        assertThrows(IllegalArgumentException.class, () -> Credentials.of("user", " "));
    }
}
