package dev.userkit.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock, cut to whole milliseconds: every store keeps at least millisecond
 * precision (MongoDB no more), so instants written and read back compare equal on every store.
 */
public final class MillisClock extends Clock {
    private final Clock delegate;

    MillisClock(Clock delegate) {
        this.delegate = delegate;
    }

    /**
     * The clock cut to milliseconds (itself if it already is).
     *
     * @param clock any clock
     * @return a clock that ticks in whole milliseconds
     */
    public static Clock of(Clock clock) {
        return clock instanceof MillisClock ? clock : new MillisClock(clock);
    }

    @Override
    public Instant instant() {
        return delegate.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public ZoneId getZone() {
        return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MillisClock(delegate.withZone(zone));
    }
}
