package dev.userkit.store.jdbc.testing;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.domain.SessionId;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.Stores;
import dev.userkit.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A purge batch racing a transaction that extends one of the expired sessions it chose (S7): the
 * batch waits for that row's lock and must then judge the row as it now stands. On PostgreSQL the
 * batch is chosen in a subquery and its rows are re-read in their new version after the wait, so
 * only a condition repeated outside the subquery spares the session. A store module extends it.
 */
public abstract class PurgeRaceTests {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    /** The server to create spaces on. */
    protected abstract SqlTestServer server();

    /** The two ways a purge deletes a batch of expired sessions: by filter, and one step of the walk maintenance takes. */
    enum Batch {
        DELETE_MATCHING {
            @Override
            int run(SessionStore sessions) {
                return sessions.deleteMatching(SessionFilter.expired(NOW), 500);
            }
        },
        PURGE_WALK_STEP {
            @Override
            int run(SessionStore sessions) {
                return sessions.purgeExpired(NOW, PurgeCursor.START, 500).deleted();
            }
        };

        abstract int run(SessionStore sessions);
    }

    @ParameterizedTest(name = "{displayName} via {0}")
    @EnumSource(Batch.class)
    @DisplayName("S7 a purge batch spares an expired session whose expiry a concurrent transaction extends, and deletes the others")
    void purgeBatchSparesASessionExtendedConcurrently(Batch batch) throws Exception {
        try (TestSpace space = server().newSpace("purgerace")) {
            Stores stores = space.stores();
            SessionStore sessions = stores.sessions();
            SessionId extended = null;
            for (int i = 0; i < 3; i++) {
                SessionRecord r = Fixtures.session(null, NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)),
                        NOW.plus(Duration.ofDays(1)), null);
                sessions.insert(r);
                if (i == 1) extended = r.session().id();
            }
            SessionId target = extended;
            CountDownLatch touched = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                // the extension stays uncommitted (and its row locked) until the purge is waiting for it
                Future<Boolean> touch = threads.submit(() -> stores.unitOfWork().run(() -> {
                    boolean done = sessions.touch(target, NOW, NOW.plus(Duration.ofHours(1)));
                    touched.countDown();
                    awaitQuietly(release);
                    return done;
                }));
                assertThat(touched.await(10, SECONDS)).isTrue();
                Future<Integer> purge = threads.submit(() -> batch.run(sessions));
                Thread.sleep(500);
                // if this fails, the batch did not wait for the locked row, so the race was not run
                assertThat(purge.isDone()).as("the purge batch waits for the extending transaction").isFalse();
                release.countDown();
                assertThat(touch.get(10, SECONDS)).isTrue();
                // if this fails with 3, check that the DELETE re-checks its condition on the rows it chose (PostgreSQL: outside the subquery)
                assertThat(purge.get(10, SECONDS)).isEqualTo(2);
            } finally {
                release.countDown();
                threads.shutdownNow();
            }
            assertThat(sessions.list(SessionFilter.all(), null, 10)).extracting(r -> r.session().id()).containsExactly(target);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
