package dev.userkit.maintenance;

import dev.userkit.MaintenanceSettings;
import dev.userkit.assembly.DaemonScheduler;
import dev.userkit.spi.MaintenanceLock;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled maintenance (W6, REL-9): purges what has run out, every kind of {@link PurgeKind} in
 * bounded batches of {@link MaintenanceSettings#batchSize()}, so that no store call holds long locks.
 * Any number of instances may run it over one store: a run first takes the store's maintenance lease
 * ({@link MaintenanceLock}) and renews it whenever a quarter of it has passed (checked before every batch), so one instance purges at a time and
 * the others' runs return at once with {@link MaintenanceReport#lockHeld()} false. Call
 * {@link #runOnce()} from the application's own scheduler, or {@link #start()} the built-in one (a
 * daemon thread owned by this kit) and {@link #stop()} it; {@link dev.userkit.UserKit#close()} stops it.
 */
public final class Maintenance {
    /** The name of the lease every instance of a cluster competes for. */
    public static final String LEASE_NAME = "userkit-maintenance";
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
    private final MaintenanceLock lock;
    private final Map<PurgeKind, Purge> purges;
    private final MaintenanceSettings settings;
    private final Clock clock;
    // an owner per run (this kit's id and the run's number): two kits in one JVM compete like two
    // instances, and two runs of one kit (the scheduler and a direct call) like two instances too, so a
    // run whose lease ran out can never renew the lease a later run of the same kit took
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile MaintenanceReport last;
    private final DaemonScheduler scheduler = new DaemonScheduler("userkit-maintenance");

    Maintenance(MaintenanceLock lock, Map<PurgeKind, Purge> purges, MaintenanceSettings settings, Clock clock) {
        this.lock = lock;
        this.purges = new EnumMap<>(purges);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Runs maintenance once in the calling thread, if no other instance is running it: takes the lease,
     * purges every kind until none is left (renewing the lease as it goes), gives the lease back.
     *
     * @return what the run did; {@link MaintenanceReport#lockHeld()} false if another instance held the lease
     * @throws dev.userkit.StoreException if the store fails (the lease is given back first)
     */
    public MaintenanceReport runOnce() {
        return run(() -> false);
    }

    /**
     * The report of the last run of this kit that ended, scheduled or not.
     *
     * @return the last report, or empty before the first run ended
     */
    public Optional<MaintenanceReport> lastReport() {
        return Optional.ofNullable(last);
    }

    /**
     * Starts the scheduler if {@link MaintenanceSettings#enabled()}: a daemon thread that runs
     * {@link #runOnce()} now and then {@link MaintenanceSettings#interval()} after each run ends.
     * With maintenance switched off it only logs that. Idempotent.
     */
    public synchronized void start() {
        if (!settings.enabled()) {
            LOG.info("UserKit maintenance is switched off (USERKIT_MAINTENANCE_ENABLED=false): not scheduled");
            return;
        }
        stopping.set(false);
        if (scheduler.start(this::scheduledRun, settings.interval())) {
            LOG.info("UserKit maintenance started (every {} ms, batches of {})", settings.interval().toMillis(), settings.batchSize());
        }
    }

    /**
     * Stops the scheduler: a run in progress ends after its current batch and gives the lease back,
     * then the thread ends. Waits up to one lease for it. Idempotent; {@link dev.userkit.UserKit#close()} calls it.
     */
    public void stop() {
        stopping.set(true);
        scheduler.stop(settings.lease());
    }

    private void scheduledRun() {
        try {
            run(stopping::get);
        } catch (RuntimeException e) {
            // the store may be down for a while: the next run tries again
            LOG.warn("UserKit maintenance run failed: {}", e.toString());
        }
    }

    private MaintenanceReport run(BooleanSupplier stop) {
        String owner = instance + "#" + runs.incrementAndGet();
        Instant tried = clock.instant();
        if (!lock.tryAcquire(LEASE_NAME, owner, tried, settings.lease())) {
            return done(new MaintenanceReport(false, tried, tried, Map.of(), true));
        }
        // read after the lease is ours, so that it is never before the previous holder's end
        Instant started = clock.instant();
        Map<PurgeKind, Integer> counts = new EnumMap<>(PurgeKind.class);
        boolean complete = false;
        MaintenanceReport report;
        try {
            complete = purgeAll(owner, tried, started, counts, stop);
        } finally {
            // read before the lease is given back, so that it is never after the next holder's start
            Instant finished = clock.instant();
            giveBack(owner);
            report = done(new MaintenanceReport(true, started, finished, counts, complete));
        }
        if (report.total() > 0) LOG.info("UserKit maintenance purged {} in {}", report.purged(), report.duration());
        return report;
    }

    /**
     * Purges every kind, batch by batch, each kind's batches one walk from {@link PurgeCursor#START} to
     * its last step. Before a batch the lease is renewed once a quarter of it has
     * passed since it was taken or last renewed, so a batch always starts with at least three quarters
     * of the lease ahead; renewing before every batch cost a write and its commit per batch, about a
     * tenth of a purge batch's time on PostgreSQL.
     */
    private boolean purgeAll(String owner, Instant acquired, Instant now, Map<PurgeKind, Integer> counts, BooleanSupplier stop) {
        Duration renewEvery = settings.lease().dividedBy(4);
        Instant renewed = acquired;
        for (Map.Entry<PurgeKind, Purge> kind : purges.entrySet()) {
            PurgeCursor cursor = PurgeCursor.START;
            PurgeStep step;
            do {
                if (stop.getAsBoolean()) return false;
                Instant at = clock.instant();
                if (!at.isBefore(renewed.plus(renewEvery))) {
                    if (!lock.renew(LEASE_NAME, owner, at, settings.lease())) {
                        LOG.warn("UserKit maintenance lost its lease (a batch took longer than USERKIT_MAINTENANCE_LEASE?): stopping this run");
                        return false;
                    }
                    renewed = at;
                }
                step = kind.getValue().batch(now, cursor, settings.batchSize());
                counts.merge(kind.getKey(), step.deleted(), Integer::sum);
                cursor = step.next();
                if (!step.isLast() && !pause()) return false;
            } while (!step.isLast());
        }
        return true;
    }

    /** Waits {@link MaintenanceSettings#pauseBetweenBatches()}; false if the thread was interrupted meanwhile (the run stops). */
    private boolean pause() {
        long nanos = settings.pauseBetweenBatches().toNanos();
        if (nanos == 0) return true;
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void giveBack(String owner) {
        try {
            lock.release(LEASE_NAME, owner);
        } catch (RuntimeException e) {
            // the lease ends by itself; another instance takes it then
            LOG.warn("UserKit maintenance could not release its lease: {}", e.toString());
        }
    }

    private MaintenanceReport done(MaintenanceReport report) {
        last = report;
        return report;
    }
}
