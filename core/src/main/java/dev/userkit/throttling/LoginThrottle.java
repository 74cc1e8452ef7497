package dev.userkit.throttling;

import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.events.Events;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.spi.AttemptCount;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Login attempt counters (SEC-09, SEC-28). An attempt is reserved before the password is checked:
 * the counter goes up first and a count past the limit is refused, so exactly the limit of guesses
 * is evaluated per window however many arrive at once, and even the right password waits for the
 * cooldown. An untrusted client is counted per submitted identifier (whether or not an account
 * exists, so known and unknown names answer alike, SEC-07) and per client address; a known client
 * (S11) only per (account, its token), so that a stranger's failures cannot lock the owner out.
 * The first refused attempt of a window is a {@link UserKitEvent.Type#LOCKED_OUT} event. A
 * consequence of counting first: of one name, at most the limit of logins are checked at once, so
 * concurrent logins of a shared account beyond the limit are refused until some have finished.
 * Shared by login and re-authentication (which count) and by recovery and the admin unlock (which
 * lift an account's lock).
 */
public final class LoginThrottle {
    private static final String IDENTIFIER = "login-id";
    private static final String ADDRESS = "login-addr";
    private static final String KNOWN_CLIENT = "login-known-client";

    private final RateLimiter limiter;
    private final UserKitConfig config;
    private final Events events;
    private final Consumer<UserId> lockedOut;

    /**
     * Counters over this limiter, with the limits and window of this configuration; lockouts go to
     * {@code events}, and an account's lockout also to {@code lockedOut} (the owner's notice).
     *
     * @param limiter the counters
     * @param config the limits and window
     * @param events where lockouts are reported
     * @param lockedOut told once when a lockout of an account's identifier or known client starts
     */
    public LoginThrottle(RateLimiter limiter, UserKitConfig config, Events events, Consumer<UserId> lockedOut) {
        this.limiter = limiter;
        this.config = config;
        this.events = events;
        this.lockedOut = lockedOut;
    }

    /**
     * A reserved attempt: the counter a success clears. For an untrusted client that is the
     * identifier's; the address counter stays, an address being shared by many accounts.
     */
    public record Attempt(String kind, String subject) {}

    /**
     * Reserves an attempt of an untrusted client against the identifier and the address.
     *
     * @param identifierKey the canonical identifier as submitted
     * @param address the client address, or null
     * @param user the account the identifier names, or null (only for the audit event)
     * @return the reservation, to pass to {@link #succeeded} when the login succeeds
     * @throws UserKitException THROTTLED (1005) with a retry-after when either is past its limit
     */
    public Attempt reserve(String identifierKey, String address, UserId user) {
        reserve(IDENTIFIER, identifierKey, config.loginFailureLimit(), user);
        if (address != null) reserve(ADDRESS, address, config.addressFailureLimit(), user);
        return new Attempt(IDENTIFIER, identifierKey);
    }

    /**
     * Reserves an attempt of a known client (S11) against its own counter only.
     *
     * @param clientSubject names the account and the client's token (never the token itself)
     * @param user the account, for the audit event
     * @return the reservation, to pass to {@link #succeeded} when the login succeeds
     * @throws UserKitException THROTTLED (1005) with a retry-after when this client is past the limit
     */
    public Attempt reserveKnownClient(String clientSubject, UserId user) {
        reserve(KNOWN_CLIENT, clientSubject, config.loginFailureLimit(), user);
        return new Attempt(KNOWN_CLIENT, clientSubject);
    }

    private void reserve(String kind, String subject, int limit, UserId user) {
        // counted first, atomically: of any number of concurrent attempts exactly `limit` get through
        AttemptCount c = limiter.hit(kind, subject, config.loginFailureWindow());
        if (c.count() <= limit) return;
        if (c.count() == limit + 1L) {
            events.emit(UserKitEvent.Type.LOCKED_OUT, user, null, Map.of("counter", kind));
            // an address counter spans many accounts: only an account's own lockout is its owner's news
            if (user != null && !kind.equals(ADDRESS)) lockedOut.accept(user);
        }
        throw limiter.throttled(c);
    }

    /**
     * A successful login: the attempt's counter starts again.
     *
     * @param attempt the reservation of the login that succeeded
     */
    public void succeeded(Attempt attempt) {
        limiter.reset(attempt.kind(), attempt.subject());
    }

    /**
     * Lifts the lock of an account (SEC-09, SEC-28): the counters of its username and email go, as
     * after a successful login by either. Used after a password reset (the lock guarded a password
     * that no longer exists, and the reset proved control of the mailbox or phone) and by the admin
     * unlock. Address counters stay; identifiers known only to a custom
     * {@link dev.userkit.hooks.UserLookup} keep theirs.
     *
     * @param user the account to unlock
     */
    public void unlock(User user) {
        limiter.reset(IDENTIFIER, user.username().key());
        limiter.reset(IDENTIFIER, user.email().key());
    }
}
