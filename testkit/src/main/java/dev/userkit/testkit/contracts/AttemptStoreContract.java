package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.millisNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.spi.AttemptCount;
import dev.userkit.spi.AttemptStore;
import dev.userkit.testkit.StoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link AttemptStore} contract: one test per sentence of its javadoc.
 *
 * <p>If a test fails, check: {@code increment} is atomic in the database (an upsert that adds
 * one, or a compare-and-set loop), since read-then-write loses counts under SEC-09's 200
 * concurrent increments; a window restarts when now is at or after its end (the end is
 * inclusive); keys are compared exactly, with no trimming or case folding; {@code current} hides
 * ended windows; {@code reset} removes the counter; {@code deleteExpired} honours its limit.
 */
public abstract class AttemptStoreContract extends StoreFixture {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String KEY = "login:user:3q2+7w==";

    private AttemptStore attempts() {
        return stores.attempts();
    }

    @Test
    @DisplayName("[required] AttemptStore increment: a new counter starts at 1 with a window ending at now + window")
    void incrementStartsNewCounter() {
        Instant now = millisNow(clock);

        assertThat(attempts().increment(KEY, now, WINDOW)).isEqualTo(new AttemptCount(1, now.plus(WINDOW)));
    }

    @Test
    @DisplayName("[required] AttemptStore increment: inside the window adds one and keeps the window's end")
    void incrementInsideWindowAddsOne() {
        Instant now = millisNow(clock);
        attempts().increment(KEY, now, WINDOW);

        assertThat(attempts().increment(KEY, now.plusSeconds(1), WINDOW)).isEqualTo(new AttemptCount(2, now.plus(WINDOW)));
        assertThat(attempts().increment(KEY, now.plus(WINDOW).minusMillis(1), WINDOW))
                .isEqualTo(new AttemptCount(3, now.plus(WINDOW)));
    }

    @Test
    @DisplayName("[required] AttemptStore increment: at the window's end (inclusive) the counter starts again at 1 with a new window")
    void incrementAtWindowEndRestarts() {
        Instant now = millisNow(clock);
        attempts().increment(KEY, now, WINDOW);
        attempts().increment(KEY, now, WINDOW);
        Instant end = now.plus(WINDOW);

        assertThat(attempts().increment(KEY, end, WINDOW)).isEqualTo(new AttemptCount(1, end.plus(WINDOW)));
    }

    @Test
    @DisplayName("[required] AttemptStore increment: keys are compared exactly, 'k', 'K' and 'k ' are three counters")
    void keysAreExact() {
        Instant now = millisNow(clock);
        String exotic = "' OR 1=1 -- $ne {\"$gt\":\"\"} a.b \\ \"q\" Grüße 日本";
        for (String key : List.of("k", "K", "k ", exotic)) {
            assertThat(attempts().increment(key, now, WINDOW).count()).as("first increment of '%s'", key).isEqualTo(1);
        }
        assertThat(attempts().increment(exotic, now, WINDOW).count()).isEqualTo(2);
        assertThat(attempts().current("k", now)).map(AttemptCount::count).contains(1L);
    }

    @Test
    @DisplayName("[required] AttemptStore current: the counter while its window has not ended; empty at the end and for unknown keys")
    void currentSeesLiveCounterOnly() {
        Instant now = millisNow(clock);
        attempts().increment(KEY, now, WINDOW);
        attempts().increment(KEY, now, WINDOW);
        Instant end = now.plus(WINDOW);

        assertThat(attempts().current(KEY, end.minusMillis(1))).contains(new AttemptCount(2, end));
        assertThat(attempts().current(KEY, end)).isEmpty();
        assertThat(attempts().current("unknown", now)).isEmpty();
    }

    @Test
    @DisplayName("[required] AttemptStore reset: removes the counter; resetting an unknown key does nothing")
    void resetRemovesCounter() {
        Instant now = millisNow(clock);
        attempts().increment(KEY, now, WINDOW);
        attempts().increment("other", now, WINDOW);

        attempts().reset(KEY);
        attempts().reset("unknown");

        assertThat(attempts().current(KEY, now)).isEmpty();
        assertThat(attempts().increment(KEY, now, WINDOW).count()).isEqualTo(1);
        assertThat(attempts().current("other", now)).map(AttemptCount::count).contains(1L);
    }

    @Test
    @DisplayName("[required] AttemptStore deleteExpired: deletes up to limit counters whose window ended at or before now; returns how many")
    void deleteExpiredRespectsWindowAndLimit() {
        Instant start = millisNow(clock);
        for (int i = 0; i < 3; i++) attempts().increment("old" + i, start, WINDOW);
        Instant now = start.plus(WINDOW);
        attempts().increment("live", now.minusMillis(1), WINDOW);

        assertThat(attempts().deleteExpired(now, 2)).isEqualTo(2);
        assertThat(attempts().deleteExpired(now, 10)).isEqualTo(1);
        assertThat(attempts().deleteExpired(now, 10)).isZero();
        assertThat(attempts().current("live", now)).map(AttemptCount::count).contains(1L);
    }

    /**
     * If this fails with repeated counts, increment reads and writes back: add one inside the
     * database, in one statement or a compare-and-set loop.
     */
    @Test
    @DisplayName("SEC-09 [required] AttemptStore increment: 200 concurrent increments leave exactly 200, each count returned once")
    void concurrentIncrementsAllCount() {
        Instant now = millisNow(clock);

        List<Race.Outcome<AttemptCount>> outcomes = Race.run(200, i -> attempts().increment(KEY, now, WINDOW));

        assertThat(Race.errors(outcomes)).isEmpty();
        assertThat(Race.values(outcomes)).extracting(AttemptCount::count)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(attempts().current(KEY, now)).contains(new AttemptCount(200, now.plus(WINDOW)));
    }
}
