package dev.userkit.internal;

import dev.userkit.UserKitConfig;
import dev.userkit.domain.User;

/**
 * Login failure counters (SEC-09): one per submitted identifier, whether or not an account exists,
 * and one per client address. A locked subject is refused before any password check, so even
 * the right password waits for the cooldown, and known and unknown identifiers answer alike (SEC-07).
 * Shared by login (which counts) and password recovery (which lifts an account's lock).
 */
public final class LoginThrottle {
    /** Counter kind for identifiers (canonical username or email key). */
    static final String IDENTIFIER = "login-id";
    /** Counter kind for client addresses. */
    static final String ADDRESS = "login-addr";

    private final RateLimiter limiter;
    private final UserKitConfig config;

    /** Counters over this limiter, with the limits and window of this configuration. */
    public LoginThrottle(RateLimiter limiter, UserKitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    /**
     * Refuses a locked identifier or address.
     *
     * @throws dev.userkit.UserKitException THROTTLED (1005) with a retry-after when the identifier or the address is locked
     */
    public void checkNotLocked(String identifierKey, String address) {
        limiter.checkNotLocked(IDENTIFIER, identifierKey, config.loginFailureLimit());
        if (address != null) limiter.checkNotLocked(ADDRESS, address, config.addressFailureLimit());
    }

    /** Counts one failure against both subjects ({@code address} may be null). */
    public void failed(String identifierKey, String address) {
        limiter.hit(IDENTIFIER, identifierKey, config.loginFailureWindow());
        if (address != null) limiter.hit(ADDRESS, address, config.loginFailureWindow());
    }

    /** Clears the identifier's counter; the address counter stays, an address being shared by many accounts. */
    public void succeeded(String identifierKey) {
        limiter.reset(IDENTIFIER, identifierKey);
    }

    /**
     * Lifts the lock of an account whose password was just reset (SEC-09): the counters of its
     * username and email go, as after a successful login by either. The lock guarded a password
     * that no longer exists, and the reset proved control of the mailbox or phone, so keeping
     * the owner out until the cooldown would only make the reset useless. Address counters stay;
     * identifiers known only to a custom {@link dev.userkit.hooks.UserLookup} keep theirs.
     */
    public void unlock(User user) {
        succeeded(user.username().key());
        succeeded(user.email().key());
    }
}
