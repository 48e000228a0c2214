package io.toastcloud.compute.emulator.auth;

import io.toastcloud.compute.emulator.EmulatorUser;
import io.toastcloud.compute.emulator.api.ApiFailure;
import io.toastcloud.compute.emulator.state.Tenant;
import io.toastcloud.compute.emulator.state.TenantRegistry;
import io.toastcloud.compute.emulator.state.TenantState;
import io.toastcloud.compute.emulator.state.TokenRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues tokens to the configured users and checks the {@code X-Auth-Token} of every other
 * request. A token belongs to the appkey it was issued for (it is saved with that appkey's
 * state); an unknown or expired token answers the contract's {@code TokenInvalid} (50401), a
 * token of another appkey {@code PermissionDenied} (-3).
 */
public final class TokenService {
    private final Map<String, EmulatorUser> users = new LinkedHashMap<>();
    private final TenantRegistry tenants;
    private final Duration lifetime;
    private final Clock clock;
    private final ConcurrentHashMap<String, TokenRecord> byId = new ConcurrentHashMap<>();

    public TokenService(List<EmulatorUser> users, TenantRegistry tenants, Duration lifetime, Clock clock) {
        users.forEach(u -> this.users.put(u.name(), u));
        this.tenants = tenants;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Knows again the tokens of a restored appkey. */
    public void restore(TenantState state) {
        state.tokens.values().forEach(t -> byId.put(t.id(), t));
    }

    /**
     * Forgets every token issued for {@code appkey} (a reset: a fresh service knows no token).
     * Called after the registry forgot the appkey's state, where the tokens are saved.
     */
    public void forget(String appkey) {
        byId.values().removeIf(t -> t.appkey().equals(appkey));
    }

    public TokenRecord issue(String appkey, String username, String password) {
        EmulatorUser user = users.get(username);
        if (user == null || !sameSecret(user.password(), password)) {
            throw ApiFailure.example("AuthenticationFailed");
        }
        if (!user.mayUse(appkey)) {
            throw ApiFailure.permissionDenied("The user may not use this appkey.");
        }
        Tenant tenant = tenants.tenant(appkey);
        return tenant.write(tx -> {
            tx.state().tokens.values().removeIf(t -> {
                boolean expired = t.expiredAt(tx.now());
                if (expired) {
                    byId.remove(t.id());
                }
                return expired;
            });
            TokenRecord token = new TokenRecord(UUID.randomUUID().toString(), appkey, user.name(), userId(user.name()),
                    tx.now(), tx.now() + lifetime.toMillis());
            tx.state().tokens.put(token.id(), token);
            byId.put(token.id(), token);
            return token;
        });
    }

    /** The caller's token, when {@code tokenId} is valid for {@code appkey}. */
    public TokenRecord authenticate(String tokenId, String appkey) {
        TokenRecord token = tokenId == null ? null : byId.get(tokenId);
        if (token == null || token.expiredAt(clock.millis()) || !users.containsKey(token.username())) {
            throw ApiFailure.example("TokenInvalid");
        }
        if (!token.appkey().equals(appkey)) {
            throw ApiFailure.example("PermissionDenied");
        }
        return token;
    }

    /** A token of this appkey to show ({@code getToken}); unknown, expired or another appkey's: TokenNotFound. */
    public TokenRecord lookup(String tokenId, String appkey) {
        TokenRecord token = byId.get(tokenId);
        if (token == null || token.expiredAt(clock.millis()) || !token.appkey().equals(appkey)) {
            throw ApiFailure.example("TokenNotFound");
        }
        return token;
    }

    /** A stable id per user name, as the service gives each user one UUID. */
    public static String userId(String username) {
        return UUID.nameUUIDFromBytes(("toast-compute-emulator user " + username).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static boolean sameSecret(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
