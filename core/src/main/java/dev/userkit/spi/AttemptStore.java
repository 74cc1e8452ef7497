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
     *
     * @param key the counter's key
     * @param now the current instant
     * @param window the length of a new counter's window
     * @return the counter after the increment
     */
    AttemptCount increment(String key, Instant now, Duration window);

    /**
     * The counter's value if it exists and its window has not ended at {@code now}; otherwise empty.
     *
     * @param key the counter's key
     * @param now the current instant
     * @return the live counter, or empty
     */
    Optional<AttemptCount> current(String key, Instant now);

    /**
     * Removes the counter (a successful login resets it).
     *
     * @param key the counter's key
     */
    void reset(String key);

    /**
     * Deletes up to {@code limit} counters whose window ended at or before {@code now}; returns how many.
     *
     * @param now the current instant
     * @param limit the most counters to delete in this call
     * @return how many counters were deleted
     */
    int deleteExpired(Instant now, int limit);
}
