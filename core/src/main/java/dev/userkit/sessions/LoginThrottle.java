package dev.userkit.sessions;

import dev.userkit.UserKitConfig;
import dev.userkit.internal.RateLimiter;

/**
 * Login failure counters (SEC-09): one per submitted identifier, whether or not an account exists,
 * and one per client address. A locked subject is refused before any password check, so even
 * the right password waits for the cooldown, and known and unknown identifiers answer alike (SEC-07).
 */
final class LoginThrottle {
    /** Counter kind for identifiers (canonical username or email key). */
    static final String IDENTIFIER = "login-id";
    /** Counter kind for client addresses. */
    static final String ADDRESS = "login-addr";

    private final RateLimiter limiter;
    private final UserKitConfig config;

    LoginThrottle(RateLimiter limiter, UserKitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    /** Throws THROTTLED with a retry-after when the identifier or the address is locked. */
    void checkNotLocked(String identifierKey, String address) {
        limiter.checkNotLocked(IDENTIFIER, identifierKey, config.loginFailureLimit());
        if (address != null) limiter.checkNotLocked(ADDRESS, address, config.addressFailureLimit());
    }

    /** Counts one failure against both subjects. */
    void failed(String identifierKey, String address) {
        limiter.hit(IDENTIFIER, identifierKey, config.loginFailureWindow());
        if (address != null) limiter.hit(ADDRESS, address, config.loginFailureWindow());
    }

    /** Clears the identifier's counter; the address counter stays, an address being shared by many accounts. */
    void succeeded(String identifierKey) {
        limiter.reset(IDENTIFIER, identifierKey);
    }
}
