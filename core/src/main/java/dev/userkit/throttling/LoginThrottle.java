package dev.userkit.throttling;

import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.events.Events;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.spi.AttemptCount;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
    private final Consumer<User> lockedOut;
    private final Instrumentation instrumentation;

    /**
     * Counters over this limiter, with the limits and window of this configuration; lockouts go to
     * {@code events}; the failure that uses up an identifier's attempts goes to {@code lockedOut}.
     *
     * @param limiter the counters
     * @param config the limits and window
     * @param events where lockouts are reported
     * @param lockedOut told of the account (null when the identifier names none) when a failure used
     *                  up its identifier's attempts, so the lockout starts: the owner's notice
     * @param instrumentation told of each lockout (W6), with nothing about whose
     */
    public LoginThrottle(RateLimiter limiter, UserKitConfig config, Events events, Consumer<User> lockedOut,
                         Instrumentation instrumentation) {
        this.limiter = limiter;
        this.config = config;
        this.events = events;
        this.lockedOut = lockedOut;
        this.instrumentation = instrumentation;
    }

    /**
     * A reserved attempt: the counter a success clears. For an untrusted client that is the
     * identifier's; the address counter stays, an address being shared by many accounts.
     */
    public record Attempt(String kind, String subject, boolean lastAllowed) {}

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
        long count = reserve(IDENTIFIER, identifierKey, config.loginFailureLimit(), user);
        if (address != null) reserve(ADDRESS, address, config.addressFailureLimit(), user);
        return new Attempt(IDENTIFIER, identifierKey, count == config.loginFailureLimit());
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
        // a known client's lockout concerns only that client: no notice to the owner
        return new Attempt(KNOWN_CLIENT, clientSubject, false);
    }

    private long reserve(String kind, String subject, int limit, UserId user) {
        // counted first, atomically: of any number of concurrent attempts exactly `limit` get through
        AttemptCount c = limiter.hit(kind, subject, config.loginFailureWindow());
        if (c.count() <= limit) return c.count();
        if (c.count() == limit + 1L) {
            events.emit(UserKitEvent.Type.LOCKED_OUT, user, null, Map.of("counter", kind));
            instrumentation.lockedOut();
        }
        throw limiter.throttled(c);
    }

    /**
     * A failed login or re-authentication: when it used up the identifier's attempts, the lockout
     * starts now, and {@code lockedOut} hears of it. Told here rather than at the first refused
     * attempt, so that a throttled login stays a counter and nothing more; told for an unknown
     * identifier too (with null), so that the store work does not tell the two apart (SEC-08).
     *
     * @param attempt the failed attempt's reservation
     * @param user the account the identifier names, or null
     */
    public void failed(Attempt attempt, User user) {
        if (attempt.lastAllowed()) lockedOut.accept(user);
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
     * When the lock of an account ends, if its username or email has used up its attempts now (a
     * login by either would be refused THROTTLED); the later of the two ends.
     *
     * @param user the account
     * @return the end of the lockout, or empty when the account is not locked out
     */
    public Optional<Instant> lockedUntil(User user) {
        return Stream.of(user.username().key(), user.email().key())
                .flatMap(key -> limiter.current(IDENTIFIER, key).stream())
                .filter(c -> c.count() >= config.loginFailureLimit())
                .map(AttemptCount::windowEndsAt)
                .max(Comparator.naturalOrder());
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
