package dev.userkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so expiry is proven without sleeping. Thread-safe. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /**
     * A clock standing at {@code start}.
     *
     * @param start the clock's first instant
     */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /**
     * A clock standing at 2026-01-01T00:00:00Z, truncated to milliseconds like every store keeps time.
     *
     * @return the clock
     */
    public static MutableClock standard() {
        return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param d how far to move
     */
    public void advance(Duration d) {
        now = now.plus(d);
    }

    /**
     * Sets the clock.
     *
     * @param instant the clock's new instant
     */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
