package dev.userkit.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Real time plus a jump the tour makes to show expiry without waiting hours. */
final class TourClock extends Clock {
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private volatile Duration jumped = Duration.ZERO;

    void advance(Duration d) {
        jumped = jumped.plus(d);
    }

    @Override
    public Instant instant() {
        return start.plus(jumped);
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
