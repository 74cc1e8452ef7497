package dev.userkit.throttling;

import dev.userkit.UserKitException;
import dev.userkit.crypto.Secrets;
import dev.userkit.spi.AttemptCount;
import dev.userkit.spi.AttemptStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Fixed-window counters over the {@link AttemptStore} (SEC-09, SEC-25). Keys are the SHA-256 of
 * a kind and a subject, so no identifier or address is stored in the clear and every key has
 * the same bounded length whatever the input.
 */
public final class RateLimiter {
    private final AttemptStore store;
    private final Clock clock;

    /**
     * A limiter over this store and clock.
     *
     * @param store where the counters live
     * @param clock the clock windows are measured with
     */
    public RateLimiter(AttemptStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The store key for a kind (e.g. "login-id") and a subject (e.g. a canonical username).
     *
     * @param kind what is counted
     * @param subject whom it is counted for
     * @return the key
     */
    public static String key(String kind, String subject) {
        return Secrets.sha256(kind + "\u0000" + subject);
    }

    /**
     * Counts one event; returns the count in the current window.
     *
     * @param kind what is counted
     * @param subject whom it is counted for
     * @param window the length of a new counter's window
     * @return the counter after the event
     */
    public AttemptCount hit(String kind, String subject, Duration window) {
        return store.increment(key(kind, subject), clock.instant(), window);
    }

    /**
     * THROTTLED (1005) with the time left in the counter's window as the retry-after.
     *
     * @param c the counter past its limit
     * @return the exception to throw
     */
    public UserKitException throttled(AttemptCount c) {
        return UserKitException.throttled(Duration.between(clock.instant(), c.windowEndsAt()));
    }

    /**
     * Whether the subject has a counter in a window that has not ended.
     *
     * @param kind what is counted
     * @param subject whom it is counted for
     * @return true if a live counter exists
     */
    public boolean active(String kind, String subject) {
        return store.current(key(kind, subject), clock.instant()).isPresent();
    }

    /**
     * The subject's live counter, if its window has not ended.
     *
     * @param kind what is counted
     * @param subject whom it is counted for
     * @return the count and its window's end, or empty
     */
    public Optional<AttemptCount> current(String kind, String subject) {
        return store.current(key(kind, subject), clock.instant());
    }

    /**
     * Counts one event and reports whether it stayed within {@code limit} (the limit-th event is still allowed).
     *
     * @param kind what is counted
     * @param subject whom it is counted for
     * @param limit the most events allowed in a window
     * @param window the length of a new counter's window
     * @return true if the event is within the limit
     */
    public boolean tryAcquire(String kind, String subject, int limit, Duration window) {
        return hit(kind, subject, window).count() <= limit;
    }

    /**
     * Clears the subject's counter.
     *
     * @param kind what is counted
     * @param subject whom it is counted for
     */
    public void reset(String kind, String subject) {
        store.reset(key(kind, subject));
    }
}
