package io.toastcloud.compute.emulator;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user the emulator issues tokens to: a user name, an API password, and the appkeys the user
 * may issue tokens for (empty: any appkey). {@link #toString()} never shows the password.
 */
public record EmulatorUser(String name, String password, Set<String> appkeys) {
    /** The contract example's user, allowed on every appkey. */
    public static final EmulatorUser DEFAULT = new EmulatorUser("user@example.com", "my-api-password", Set.of());

    public EmulatorUser {
        name = require(name, "name");
        password = require(password, "password");
        appkeys = Set.copyOf(Objects.requireNonNull(appkeys, "appkeys"));
    }

    public static EmulatorUser of(String name, String password) {
        return new EmulatorUser(name, password, Set.of());
    }

    /**
     * Reads {@code NAME:PASSWORD} or {@code NAME:PASSWORD:APPKEY[,APPKEY...]} (the command-line
     * form; a password given there cannot contain ':').
     */
    public static EmulatorUser parse(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("a user is NAME:PASSWORD or NAME:PASSWORD:APPKEY[,APPKEY...]");
        }
        Set<String> appkeys = parts.length == 3
                ? Arrays.stream(parts[2].split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet())
                : Set.of();
        return new EmulatorUser(parts[0], parts[1], appkeys);
    }

    /** Whether this user may have a token for {@code appkey}. */
    public boolean mayUse(String appkey) {
        return appkeys.isEmpty() || appkeys.contains(appkey);
    }

    private static String require(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("a user's " + what + " must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "EmulatorUser[name=" + name + ", password=*** redacted ***, appkeys="
                + (appkeys.isEmpty() ? "any" : appkeys) + "]";
    }
}
