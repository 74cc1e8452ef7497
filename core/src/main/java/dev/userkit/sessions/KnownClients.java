package dev.userkit.sessions;

import dev.userkit.UserKitConfig;
import dev.userkit.crypto.Secrets;
import dev.userkit.spi.UserRecord;
import dev.userkit.throttling.RateLimiter;
import java.util.Optional;

/**
 * Known-client tokens (S11, SEC-28, after OWASP's device cookies): a successful login hands the
 * client a random token; a later login that presents it for the same account is limited only by
 * that client's own failures. A token is remembered as a windowed entry of the attempt store
 * whose key is a hash over the user, the user's security stamp and the token's SHA-256: so it is
 * stored only hashed, bound to the user, expires with {@link UserKitConfig#knownClientTtl()}, and
 * every credential change (which raises the stamp, SEC-27) forgets all of a user's known clients
 * at once, including any an attacker gained with a stolen password.
 */
final class KnownClients {
    private static final String KIND = "known-client";

    private final RateLimiter limiter;
    private final UserKitConfig config;

    KnownClients(RateLimiter limiter, UserKitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    /**
     * Whether {@code token} was handed to this account under its current credentials and has not
     * expired. Without an account it looks up a subject that cannot exist, at the same cost.
     */
    boolean recognises(Optional<UserRecord> account, String token) {
        if (!SessionIssuer.plausibleToken(token)) return false;
        String subject = account.map(a -> subject(a, token)).orElseGet(() -> "nobody\u0000" + Secrets.sha256(token));
        return limiter.active(KIND, subject) && account.isPresent();
    }

    /** A new known-client token for this account. */
    String issue(UserRecord account) {
        String token = Secrets.newToken();
        limiter.hit(KIND, subject(account, token), config.knownClientTtl());
        return token;
    }

    /** The subject of this client's own failure counter: the account and the token's hash. */
    static String failureSubject(UserRecord account, String token) {
        return account.user().id() + "\u0000" + Secrets.sha256(token);
    }

    private static String subject(UserRecord account, String token) {
        return account.user().id() + "\u0000" + account.securityStamp() + "\u0000" + Secrets.sha256(token);
    }
}
