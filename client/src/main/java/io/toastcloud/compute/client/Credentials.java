package io.toastcloud.compute.client;

import java.util.Objects;
import java.util.function.Function;

/**
 * The user name and API password a token is issued for. The API password is the one set under
 * [Compute &amp; Network] &gt; [API Endpoint 설정], not the account's log-in password.
 * {@link #toString()} never shows the password.
 */
public final class Credentials {
    /** Environment variables read by {@link #fromEnvironment()}. */
    public static final String ENV_USERNAME = "TOAST_COMPUTE_USERNAME";
    public static final String ENV_PASSWORD = "TOAST_COMPUTE_API_PASSWORD";
    /** System properties read by {@link #fromEnvironment()}; they win over the environment. */
    public static final String PROP_USERNAME = "toast.compute.username";
    public static final String PROP_PASSWORD = "toast.compute.apiPassword";

    private final String username;
    private final String password;

    private Credentials(String username, String password) {
        this.username = require(username, "username");
        this.password = require(password, "password");
    }

    public static Credentials of(String username, String apiPassword) {
        return new Credentials(username, apiPassword);
    }

    /**
     * Reads {@value #PROP_USERNAME} / {@value #PROP_PASSWORD} system properties, else the
     * {@value #ENV_USERNAME} / {@value #ENV_PASSWORD} environment variables.
     */
    public static Credentials fromEnvironment() {
        return from(System::getProperty, System::getenv);
    }

    static Credentials from(Function<String, String> properties, Function<String, String> environment) {
        String user = firstNonBlank(properties.apply(PROP_USERNAME), environment.apply(ENV_USERNAME));
        String pass = firstNonBlank(properties.apply(PROP_PASSWORD), environment.apply(ENV_PASSWORD));
        if (user == null || pass == null) {
            throw new IllegalStateException("no credentials: set the system properties " + PROP_USERNAME + " and "
                    + PROP_PASSWORD + ", or the environment variables " + ENV_USERNAME + " and " + ENV_PASSWORD
                    + (user == null ? " (user name missing)" : " (API password missing)"));
        }
        return new Credentials(user, pass);
    }

    public String username() {
        return username;
    }

    /** The API password. Secret: never log it. */
    public String apiPassword() {
        return password;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    private static String require(String value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", apiPassword=*** redacted ***]";
    }
}
