package dev.userkit.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Atomic counters with a fixed window, for throttling (SEC-09) and send-rate limits (SEC-25).
 * Keys are opaque strings of at most 64 characters chosen by core (hashes, never raw input).
 */
public interface AttemptStore {
    /**
     * Atomically adds one to the counter and returns its new value. A counter that does not exist,
     * or whose window ended at or before {@code now}, starts again at 1 with a window ending at
     * {@code now + window}. N concurrent calls on one key in one window leave exactly N.
     */
    AttemptCount increment(String key, Instant now, Duration window);

    /** The counter's value if it exists and its window has not ended at {@code now}; otherwise empty. */
    Optional<AttemptCount> current(String key, Instant now);

    /** Removes the counter (a successful login resets it). */
    void reset(String key);

    /** Deletes up to {@code limit} counters whose window ended at or before {@code now}; returns how many. */
    int deleteExpired(Instant now, int limit);
}
