package dev.userkit.testkit.features;

import static dev.userkit.testkit.Fixtures.aUser;
import static dev.userkit.testkit.Fixtures.code;
import static dev.userkit.testkit.Fixtures.owner;
import static dev.userkit.testkit.Fixtures.record;
import static dev.userkit.testkit.Fixtures.sessionExpiringAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.MaintenanceSettings;
import dev.userkit.UserKit;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.maintenance.Maintenance;
import dev.userkit.maintenance.MaintenanceReport;
import dev.userkit.maintenance.PurgeKind;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.StoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Scheduled maintenance through the real services (W6, REL-9): one run purges every kind of
 * expired row in bounded batches and keeps live ones, and a run waits its turn behind another
 * instance's lease.
 *
 * <p>If a test fails and the port contracts pass, check the purge port each kind uses:
 * {@code SessionStore.deleteMatching}, {@code UserStore.findPendingCreatedBefore},
 * {@code CodeStore.deleteExpired}, {@code AttemptStore.deleteExpired}, {@code OutboxStore.purge}
 * and {@code deleteDead}, each returning exactly how many rows it changed.
 */
public abstract class MaintenanceFeatureTests extends StoreFixture {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private Instant now;
    private UserId owner;

    @BeforeEach
    void thirtyDaysOn() {
        clock.advance(Duration.ofDays(30));
        now = clock.instant();
        owner = owner(stores);
    }

    private UserKit kitWithBatches(int batchSize) {
        return kit(config().maintenance(MaintenanceSettings.builder().batchSize(batchSize).lease(LEASE).build()).build());
    }

    private SessionRecord session(Instant expiresAt) {
        SessionRecord s = sessionExpiringAt(owner, expiresAt, null);
        stores.sessions().insert(s);
        return s;
    }

    private UserRecord pendingSince(String name, Instant at) {
        UserRecord r = record(aUser(name, at).status(UserStatus.PENDING).build());
        stores.users().insert(r);
        return r;
    }

    private OutboxRecord queued(Instant createdAt, Instant expiresAt) {
        OutboxRecord r = OutboxRecord.queued(UUID.randomUUID().toString(), MessageKind.PASSWORD_RESET, new byte[] {1, 2, 3},
                createdAt, expiresAt);
        stores.outbox().add(r);
        return r;
    }

    private OutboxRecord deadSince(Instant createdAt) {
        OutboxRecord r = queued(createdAt, now.plus(Duration.ofDays(1)));
        stores.outbox().claim(r.id(), "sender", createdAt, createdAt.plusSeconds(30));
        stores.outbox().failed(r.id(), "sender", "550 mailbox unavailable", createdAt.plusSeconds(60), true);
        return r;
    }

    @Test
    @DisplayName("W6 REL-9 [required] runOnce purges every kind in bounded batches (expired sessions, unverified accounts, expired codes, ended counters, outbox payloads and rows, old dead rows) and keeps live rows")
    void runOncePurgesEachKind() {
        for (int i = 0; i < 3; i++) session(now.minusSeconds(i + 1));
        SessionRecord live = session(now.plusSeconds(1));
        UserRecord oldPending = pendingSince("abel", now.minus(Duration.ofDays(8)));
        pendingSince("bria", now.minus(Duration.ofDays(9)));
        pendingSince("cruz", now.minus(Duration.ofDays(10)));
        UserRecord youngPending = pendingSince("dana", now.minus(Duration.ofDays(6)));
        for (int i = 0; i < 3; i++) stores.codes().insert(code(owner, CodePurpose.PASSWORD_RESET, now.minus(Duration.ofMinutes(15 + i))));
        CodeRecord liveCode = code(owner, CodePurpose.EMAIL_VERIFY, now.minus(Duration.ofMinutes(14)));
        stores.codes().insert(liveCode);
        for (int i = 0; i < 3; i++) stores.attempts().increment("old-" + i, now.minus(Duration.ofMinutes(20 + i)), Duration.ofMinutes(15));
        stores.attempts().increment("live", now.minus(Duration.ofMinutes(10)), Duration.ofMinutes(15));
        OutboxRecord expiredPayload = queued(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        OutboxRecord oldDead1 = deadSince(now.minus(Duration.ofDays(31)));
        OutboxRecord oldDead2 = deadSince(now.minus(Duration.ofDays(32)));
        OutboxRecord recentDead = deadSince(now.minus(Duration.ofDays(29)));

        MaintenanceReport report = kitWithBatches(2).maintenance().runOnce();

        assertThat(report.lockHeld()).isTrue();
        assertThat(report.complete()).isTrue();
        assertThat(report.purged()).isEqualTo(Map.of(PurgeKind.EXPIRED_SESSIONS, 3, PurgeKind.UNVERIFIED_ACCOUNTS, 3,
                PurgeKind.EXPIRED_CODES, 3, PurgeKind.STALE_ATTEMPT_COUNTERS, 3, PurgeKind.OUTBOX_PAYLOADS, 1,
                PurgeKind.DEAD_OUTBOX_ROWS, 2));
        assertThat(stores.sessions().findById(live.session().id())).isPresent();
        assertThat(stores.users().findById(oldPending.user().id())).isEmpty();
        assertThat(stores.users().findById(youngPending.user().id())).isPresent();
        assertThat(stores.users().findById(owner)).isPresent();
        assertThat(stores.attempts().current("live", now)).isPresent();
        assertThat(stores.outbox().findById(expiredPayload.id())).hasValueSatisfying(r -> assertThat(r.payload()).isNull());
        assertThat(stores.outbox().findById(oldDead1.id())).isEmpty();
        assertThat(stores.outbox().findById(oldDead2.id())).isEmpty();
        assertThat(stores.outbox().findById(recentDead.id())).isPresent();
        assertThat(stores.codes().consume(liveCode.codeHash(), CodePurpose.EMAIL_VERIFY)).contains(liveCode);
        assertThat(kitWithBatches(2).maintenance().runOnce().total()).as("nothing left to purge").isZero();
    }

    @Test
    @DisplayName("REL-9 [required] while another instance holds the maintenance lease runOnce purges nothing and says so; after that lease ends it purges")
    void runOnceWaitsForAnotherInstancesLease() {
        SessionRecord expired = session(now.minusSeconds(1));
        assertThat(stores.maintenanceLock().tryAcquire(Maintenance.LEASE_NAME, "other-instance", now, LEASE)).isTrue();
        Maintenance maintenance = kitWithBatches(100).maintenance();

        MaintenanceReport refused = maintenance.runOnce();

        assertThat(refused.lockHeld()).isFalse();
        assertThat(refused.total()).isZero();
        assertThat(stores.sessions().findById(expired.session().id())).isPresent();
        clock.advance(LEASE);
        MaintenanceReport ran = maintenance.runOnce();
        assertThat(ran.lockHeld()).isTrue();
        assertThat(ran.purged(PurgeKind.EXPIRED_SESSIONS)).isEqualTo(1);
        assertThat(maintenance.lastReport()).contains(ran);
    }

    @Test
    @DisplayName("REL-9 [required] a run gives its lease back when it ends: another instance's run at the same instant gets it")
    void runOnceReleasesTheLease() {
        session(now.minusSeconds(1));

        assertThat(kitWithBatches(100).maintenance().runOnce().lockHeld()).isTrue();

        assertThat(kitWithBatches(100).maintenance().runOnce().lockHeld()).isTrue();
        assertThat(stores.maintenanceLock().tryAcquire(Maintenance.LEASE_NAME, "other-instance", now, LEASE)).isTrue();
    }

    @Test
    @DisplayName("W6 [required] a started scheduler runs maintenance on its own thread; stop ends it and gives the lease back")
    void startedSchedulerPurges() throws InterruptedException {
        SessionRecord expired = session(now.minusSeconds(1));
        UserKit kit = kit(config().maintenance(MaintenanceSettings.builder().interval(Duration.ofMillis(20)).lease(LEASE).build()).build());
        Maintenance maintenance = kit.maintenance();

        maintenance.start();
        try {
            // waits for the first run, bounded so a scheduler that never runs fails instead of hanging
            for (int i = 0; i < 3000 && maintenance.lastReport().isEmpty(); i++) Thread.sleep(10);
        } finally {
            maintenance.stop();
        }

        // later runs find nothing left, so the last report need not be the one that purged
        assertThat(maintenance.lastReport()).hasValueSatisfying(r -> assertThat(r.lockHeld()).isTrue());
        assertThat(stores.sessions().findById(expired.session().id())).isEmpty();
        assertThat(stores.maintenanceLock().tryAcquire(Maintenance.LEASE_NAME, "other-instance", now, LEASE)).isTrue();
    }

    @Test
    @DisplayName("W6 [required] switched off (USERKIT_MAINTENANCE_ENABLED=false) start schedules no run, while an explicit runOnce still purges")
    void switchedOffSchedulesNothing() throws InterruptedException {
        SessionRecord expired = session(now.minusSeconds(1));
        UserKit kit = kit(config().maintenance(MaintenanceSettings.builder().enabled(false)
                .interval(Duration.ofMillis(20)).lease(LEASE).build()).build());
        Maintenance maintenance = kit.maintenance();

        maintenance.start();
        try {
            // a scheduler that ran anyway would have run its first pass at once and about 25 more in this time
            Thread.sleep(500);
        } finally {
            maintenance.stop();
        }
        assertThat(maintenance.lastReport()).isEmpty();
        assertThat(stores.sessions().findById(expired.session().id())).isPresent();
        assertThat(stores.maintenanceLock().tryAcquire(Maintenance.LEASE_NAME, "other-instance", now, LEASE)).isTrue();
        stores.maintenanceLock().release(Maintenance.LEASE_NAME, "other-instance");

        assertThat(maintenance.runOnce().lockHeld()).isTrue();
        assertThat(stores.sessions().findById(expired.session().id())).isEmpty();
    }

    @Test
    @DisplayName("W6 [required] with a pause between batches a run still purges every expired session, batch by batch, and ends complete")
    void pausedRunPurgesEverything() {
        for (int i = 0; i < 5; i++) session(now.minusSeconds(i + 1));
        SessionRecord live = session(now.plusSeconds(1));
        MaintenanceSettings paused = MaintenanceSettings.builder().batchSize(2).lease(LEASE).pauseBetweenBatches(Duration.ofMillis(1)).build();

        MaintenanceReport report = kit(config().maintenance(paused).build()).maintenance().runOnce();

        assertThat(report.complete()).isTrue();
        assertThat(report.purged(PurgeKind.EXPIRED_SESSIONS)).isEqualTo(5);
        assertThat(stores.sessions().findById(live.session().id())).isPresent();
    }
}
