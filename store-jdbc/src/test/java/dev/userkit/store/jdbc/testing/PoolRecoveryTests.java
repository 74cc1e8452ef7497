package dev.userkit.store.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.StoreException;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.testkit.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * REL-4 on a private server: writers keep inserting while the server is stopped and started.
 * Calls fail with StoreException within a bounded time while it is down, the pool recovers on its
 * own, no connection leaks, and every acknowledged write is there afterwards. A store module extends it.
 *
 * <p>The pool uses the default connection timeout, and every failure must come within that bound:
 * one wait for a connection, plus at most one liveness check of a dead pooled connection (itself
 * capped at the timeout), plus a second of slack for a loaded machine. If this fails with failures
 * far beyond the setting, check that the pool's connection timeout reaches HikariCP.
 */
public abstract class PoolRecoveryTests {
    private static final Duration CONNECTION_TIMEOUT = PoolOptions.DEFAULT_CONNECTION_TIMEOUT;
    private static final Duration FAILURE_BOUND = CONNECTION_TIMEOUT.multipliedBy(2).plusSeconds(1);
    private static final int WRITERS = 4;
    private static final int OPERATIONS_BEFORE_STOP = 150;
    private static final int OPERATIONS_AFTER_RECOVERY = 150;

    /** A private server this test may stop and start; the test closes nothing it did not create. */
    protected abstract SqlTestServer.Restartable server();

    @Test
    @DisplayName("REL-4 stopping the database under load fails calls fast with StoreException; the pool recovers; no acknowledged write is lost")
    void poolRecoversAfterRestart() throws Exception {
        SqlTestServer.Restartable server = server();
        try (TestSpace space = server.newEmptySpace("recovery", CONNECTION_TIMEOUT)) {
            migrate(space);
            UserStore users = space.stores().users();
            ConcurrentLinkedQueue<UserRecord> acknowledged = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> failureMillis = new ConcurrentLinkedQueue<>();
            AtomicInteger sequence = new AtomicInteger();
            AtomicInteger okCount = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<?>> writers = new java.util.ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    writers.add(pool.submit(() -> {
                        // bounded: at most this many attempts per writer, whatever happens
                        for (int i = 0; i < 2_000 && !stop.get(); i++) {
                            UserRecord u = Fixtures.sampleUser("load" + sequence.incrementAndGet());
                            long started = System.nanoTime();
                            try {
                                users.insert(u);
                                acknowledged.add(u);
                                okCount.incrementAndGet();
                            } catch (StoreException e) {
                                failureMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                                sleepQuietly(100);
                            } catch (Throwable t) {
                                unexpected.add(t);
                            }
                        }
                    }));
                }
                awaitCount(okCount, OPERATIONS_BEFORE_STOP, Duration.ofSeconds(60));
                server.stop();
                int failuresBefore = failureMillis.size();
                awaitCount(() -> failureMillis.size() - failuresBefore, WRITERS, Duration.ofSeconds(60));
                server.start();
                int okAtRestart = okCount.get();
                awaitCount(okCount, okAtRestart + OPERATIONS_AFTER_RECOVERY, Duration.ofSeconds(120));
                stop.set(true);
                for (Future<?> f : writers) f.get(60, TimeUnit.SECONDS);
            } finally {
                stop.set(true);
                pool.shutdownNow();
            }

            assertThat(unexpected).as("only StoreException may escape").isEmpty();
            assertThat(failureMillis).as("calls failed while the server was down").isNotEmpty();
            long slowest = failureMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(slowest).as("slowest failure (ms) with a %s connection timeout", CONNECTION_TIMEOUT)
                    .isLessThan(FAILURE_BOUND.toMillis());
            for (UserRecord u : acknowledged) {
                assertThat(users.findById(u.user().id())).as("acknowledged write %s", u.user().username()).contains(u);
            }
            assertThat(space.dataSource().getHikariPoolMXBean().getActiveConnections()).as("leaked connections").isZero();
        }
    }

    /** Applies the latest schema to the space. */
    protected abstract void migrate(TestSpace space);

    private static void awaitCount(AtomicInteger counter, int target, Duration max) {
        awaitCount(counter::get, target, max);
    }

    private static void awaitCount(java.util.function.IntSupplier counter, int target, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (counter.getAsInt() < target) {
            if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting for " + target + ", at " + counter.getAsInt());
            sleepQuietly(20);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
