package dev.userkit.internal;

import dev.userkit.UserKitException;
import dev.userkit.spi.AttemptCount;
import dev.userkit.spi.AttemptStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Fixed-window counters over the {@link AttemptStore} (SEC-09, SEC-25). Keys are the SHA-256 of
 * a kind and a subject, so no identifier or address is stored in the clear and every key has
 * the same bounded length whatever the input.
 */
public final class RateLimiter {
    private final AttemptStore store;
    private final Clock clock;

    /** A limiter over this store and clock. */
    public RateLimiter(AttemptStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The store key for a kind (e.g. "login-id") and a subject (e.g. a canonical username). */
    public static String key(String kind, String subject) {
        return Secrets.sha256(kind + "\u0000" + subject);
    }

    /** Counts one event; returns the count in the current window. */
    public AttemptCount hit(String kind, String subject, Duration window) {
        return store.increment(key(kind, subject), clock.instant(), window);
    }

    /** Throws THROTTLED with a retry-after if the subject has reached {@code limit} in its window. */
    public void checkNotLocked(String kind, String subject, int limit) {
        Instant now = clock.instant();
        Optional<AttemptCount> c = store.current(key(kind, subject), now);
        if (c.isPresent() && c.get().count() >= limit) {
            throw UserKitException.throttled(Duration.between(now, c.get().windowEndsAt()));
        }
    }

    /** Counts one event and reports whether it stayed within {@code limit} (the limit-th event is still allowed). */
    public boolean tryAcquire(String kind, String subject, int limit, Duration window) {
        return hit(kind, subject, window).count() <= limit;
    }

    /** Clears the subject's counter. */
    public void reset(String kind, String subject) {
        store.reset(key(kind, subject));
    }
}
