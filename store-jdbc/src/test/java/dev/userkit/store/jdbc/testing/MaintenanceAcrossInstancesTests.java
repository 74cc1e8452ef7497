package dev.userkit.store.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.MaintenanceSettings;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.domain.UserId;
import dev.userkit.maintenance.MaintenanceReport;
import dev.userkit.maintenance.PurgeKind;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.JdbcStores;
import dev.userkit.testkit.Fixtures;
import dev.userkit.testkit.TestKeys;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two instances (kits over two store bundles, as two servers would have) running maintenance over
 * one database at once (REL-9): while expired sessions keep arriving, two threads per instance run
 * {@code runOnce} back to back. Every batch of either instance is watched: no two purge batches ever
 * run at the same time, the runs that held the lease never overlap in time, and every expired
 * session is purged exactly once. A store module extends it.
 */
public abstract class MaintenanceAcrossInstancesTests {
    private static final int ROUNDS = 40;
    private static final int SESSIONS_PER_ROUND = 25;
    private static final int RUNNERS_PER_INSTANCE = 2;

    private TestSpace space;
    private final AtomicInteger purgingNow = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /** The server to create the shared space on. */
    protected abstract SqlTestServer server();

    @BeforeEach
    void sharedSpace() {
        space = server().newSpace("maintenance");
    }

    @AfterEach
    void closeSpace() {
        space.close();
    }

    /** An instance over its own store bundle whose session purges are counted while they run. */
    private UserKit instance(Stores stores) {
        MaintenanceSettings small = MaintenanceSettings.builder().batchSize(10).lease(Duration.ofMinutes(1)).build();
        return UserKit.builder().stores(stores.withSessions(watched(stores.sessions())))
                .config(UserKitConfig.builder().keyRing(TestKeys.RING).maintenance(small).build()).build();
    }

    private SessionStore watched(SessionStore sessions) {
        return (SessionStore) Proxy.newProxyInstance(SessionStore.class.getClassLoader(), new Class<?>[] {SessionStore.class},
                (proxy, method, args) -> {
                    boolean purge = method.getName().equals("purgeExpired");
                    if (purge) mostAtOnce.accumulateAndGet(purgingNow.incrementAndGet(), Math::max);
                    try {
                        return method.invoke(sessions, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (purge) purgingNow.decrementAndGet();
                    }
                });
    }

    @Test
    @DisplayName("REL-9 W6 two instances over one database run maintenance one at a time: runs never overlap and each expired session is purged once")
    void twoInstancesPurgeOneAtATime() throws Exception {
        UserKit a = instance(space.stores());
        UserKit b = instance(JdbcStores.create(space.dataSource(), server().database().dialect()));
        UserId owner = Fixtures.owner(space.stores());
        Queue<MaintenanceReport> reports = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService runners = Executors.newFixedThreadPool(2 * RUNNERS_PER_INSTANCE);
        List<Future<?>> running = new ArrayList<>();
        for (UserKit kit : List.of(a, b)) {
            for (int i = 0; i < RUNNERS_PER_INSTANCE; i++) {
                running.add(runners.submit(() -> {
                    while (!done.get()) reports.add(kit.maintenance().runOnce());
                }));
            }
        }

        try {
            for (int i = 0; i < ROUNDS * SESSIONS_PER_ROUND; i++) {
                space.stores().sessions().insert(Fixtures.sessionExpiringAt(owner, Instant.now().minusSeconds(1), null));
            }
        } finally {
            done.set(true);
            runners.shutdown();
            assertThat(runners.awaitTermination(2, TimeUnit.MINUTES)).as("runners ended").isTrue();
        }
        for (Future<?> f : running) f.get();
        reports.add(a.maintenance().runOnce());

        List<MaintenanceReport> held = reports.stream().filter(MaintenanceReport::lockHeld)
                .sorted(Comparator.comparing(MaintenanceReport::startedAt)).toList();
        assertThat(held.stream().mapToInt(r -> r.purged(PurgeKind.EXPIRED_SESSIONS)).sum())
                .as("every expired session purged exactly once").isEqualTo(ROUNDS * SESSIONS_PER_ROUND);
        assertThat(space.stores().sessions().deleteMatching(SessionFilter.expired(Instant.now()), 100)).isZero();
        assertThat(mostAtOnce.get()).as("purge batches running at the same time").isEqualTo(1);
        for (int i = 1; i < held.size(); i++) {
            assertThat(held.get(i).startedAt()).as("run %d starts after run %d ended", i, i - 1)
                    .isAfterOrEqualTo(held.get(i - 1).finishedAt());
        }
        assertThat(held.stream().filter(r -> r.purged(PurgeKind.EXPIRED_SESSIONS) > 0)).as("runs that purged").hasSizeGreaterThan(1);
        assertThat(reports.stream().filter(r -> !r.lockHeld())).as("runs turned away by the other's lease").isNotEmpty();
    }
}
