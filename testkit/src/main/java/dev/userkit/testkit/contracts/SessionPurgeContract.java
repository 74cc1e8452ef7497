package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.millisNow;
import static dev.userkit.testkit.Fixtures.owner;
import static dev.userkit.testkit.Fixtures.sessionExpiringAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import dev.userkit.testkit.StoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link SessionStore#purgeExpired} contract: a walk from {@link PurgeCursor#START} to its last
 * step deletes exactly the sessions expired at the walk's instant, each step at most its limit.
 *
 * <p>If a test fails, check that each step deletes only sessions with {@code expires_at <= now} (the
 * condition of {@code SessionFilter.expired}), that it honours its limit, and that the cursor moves on
 * past what a step covered without skipping any stretch of the table.
 */
public abstract class SessionPurgeContract extends StoreFixture {
    /** More steps than any walk in these tests needs: a cursor that never moves ends the test instead. */
    private static final int MAX_WALK_STEPS = 10_000;

    private SessionStore sessions() {
        return stores.sessions();
    }

    private SessionRecord inserted(SessionRecord r) {
        sessions().insert(r);
        return r;
    }

    /** One whole walk of purgeExpired from the start, every step kept; fails rather than loop for ever. */
    private List<PurgeStep> walk(Instant now, int limit) {
        List<PurgeStep> steps = new ArrayList<>();
        PurgeCursor at = PurgeCursor.START;
        PurgeStep step;
        do {
            step = sessions().purgeExpired(now, at, limit);
            steps.add(step);
            at = step.next();
            assertThat(steps).as("steps of one walk (does the cursor move on?)").hasSizeLessThan(MAX_WALK_STEPS);
        } while (!step.isLast());
        return steps;
    }

    private static int deleted(List<PurgeStep> steps) {
        return steps.stream().mapToInt(PurgeStep::deleted).sum();
    }

    /** Inserts {@code n} pairs of an expired and a live session, alternating, so the two kinds interleave in id and in insertion order. */
    private Set<SessionId> interleaved(int n, Instant now, Set<SessionId> live) {
        UserId user = owner(stores);
        Set<SessionId> expired = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            expired.add(inserted(sessionExpiringAt(i % 3 == 0 ? null : user, now.minusSeconds(i), null)).session().id());
            live.add(inserted(sessionExpiringAt(user, now.plus(Duration.ofMinutes(1 + i)), null)).session().id());
        }
        return expired;
    }

    private Set<SessionId> remaining() {
        return sessions().list(SessionFilter.all(), null, 1000).stream().map(r -> r.session().id()).collect(Collectors.toSet());
    }

    /**
     * If this fails, check that each step deletes only sessions with {@code expires_at <= now} (the
     * same condition as {@code deleteMatching} with {@code SessionFilter.expired}) and that the cursor
     * moves on past what a step covered, without skipping any stretch of the table.
     */
    @Test
    @DisplayName("S7 [required] SessionStore purgeExpired: one walk from START deletes exactly the expired sessions, interleaved with live ones, over many steps")
    void purgeWalkDeletesExactlyTheExpired() {
        Instant now = millisNow(clock);
        Set<SessionId> live = new java.util.HashSet<>();
        Set<SessionId> expired = interleaved(150, now, live);

        List<PurgeStep> steps = walk(now, 7);

        assertThat(remaining()).as("sessions left after the walk").isEqualTo(live);
        assertThat(deleted(steps)).as("deleted counted over the steps").isEqualTo(expired.size());
        assertThat(steps).as("steps").hasSizeGreaterThan(expired.size() / 7);
    }

    /** If this fails, a step ignores its limit (PostgreSQL: the LIMIT of the range's subquery). */
    @Test
    @DisplayName("S7 [required] SessionStore purgeExpired: no step deletes more than its limit, a limit of 1 included")
    void purgeWalkStepsAreBounded() {
        Instant now = millisNow(clock);
        for (int limit : new int[] {1, 4}) {
            Set<SessionId> live = new java.util.HashSet<>();
            Set<SessionId> expired = interleaved(40, now, live);

            List<PurgeStep> steps = walk(now, limit);

            assertThat(steps).as("steps at limit " + limit).allSatisfy(st -> assertThat(st.deleted()).isBetween(0, limit));
            assertThat(deleted(steps)).as("deleted at limit " + limit).isEqualTo(expired.size());
            assertThat(remaining()).as("left at limit " + limit).isEqualTo(live);
            sessions().deleteMatching(SessionFilter.all(), 1000);
        }
    }

    @Test
    @DisplayName("S7 [required] SessionStore purgeExpired: on an empty store, or one with live sessions only, the walk ends deleting nothing")
    void purgeWalkOfNothing() {
        Instant now = millisNow(clock);
        assertThat(deleted(walk(now, 5))).as("empty store").isZero();

        UserId user = owner(stores);
        for (int i = 0; i < 30; i++) inserted(sessionExpiringAt(user, now.plusSeconds(1 + i), null));
        assertThat(deleted(walk(now, 5))).as("live sessions only").isZero();
        assertThat(remaining()).hasSize(30);
    }

    /**
     * A walk judges expiry at the instant it was given: what is inserted while it runs is live and
     * stays, and a session that was live at that instant and ends during the walk is the next walk's.
     */
    @Test
    @DisplayName("S7 [required] SessionStore purgeExpired: sessions inserted during a walk are kept, one that expires during it goes in the next walk")
    void purgeWalkKeepsWhatArrivesMeanwhile() {
        Instant now = millisNow(clock);
        Set<SessionId> live = new java.util.HashSet<>();
        interleaved(60, now, live);
        SessionRecord endsSoon = inserted(sessionExpiringAt(owner(stores), now.plusMillis(500), null));
        live.add(endsSoon.session().id());

        PurgeStep first = sessions().purgeExpired(now, PurgeCursor.START, 5);
        assertThat(first.isLast()).as("the first of several steps is the last").isFalse();
        for (int i = 0; i < 20; i++) live.add(inserted(sessionExpiringAt(null, now.plus(Duration.ofHours(1)), null)).session().id());
        PurgeCursor at = first.next();
        PurgeStep step;
        do {
            step = sessions().purgeExpired(now, at, 5);
            at = step.next();
        } while (!step.isLast());

        assertThat(remaining()).as("after the first walk").isEqualTo(live);
        walk(now.plusSeconds(1), 5);
        live.remove(endsSoon.session().id());
        assertThat(remaining()).as("after the next walk").isEqualTo(live);
    }
}
