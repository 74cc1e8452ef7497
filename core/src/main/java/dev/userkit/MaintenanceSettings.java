package dev.userkit;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import java.time.Duration;

/**
 * How scheduled maintenance ({@link dev.userkit.maintenance.Maintenance}) runs: it purges expired
 * sessions, unverified accounts past {@link UserKitConfig#pendingAccountTtl()}, expired codes, ended
 * throttling counters and old outbox rows, in bounded batches, on one instance at a time (REL-9).
 * From outside: the {@code USERKIT_MAINTENANCE_*} names of the README's configuration table.
 *
 * <p>On by default: without it, those rows grow without bound, and the lease makes it safe on every
 * instance at once. Building a kit never starts a thread: whoever owns the application's lifecycle
 * calls {@link dev.userkit.maintenance.Maintenance#start()}, which does nothing when this is off
 * (an application that schedules {@link dev.userkit.maintenance.Maintenance#runOnce()} itself).
 *
 * @param enabled whether {@link dev.userkit.maintenance.Maintenance#start()} starts the scheduler; default true
 * @param interval the wait between the end of one run and the start of the next; default 5 min
 * @param batchSize the most rows of one kind deleted per store call; default 1,000, 1 to 10,000
 * @param lease how long one instance holds the maintenance lease before it must renew it (it renews
 *              before the next batch once a quarter of the lease has passed); default 2 min, far longer
 *              than one batch takes
 * @param deadOutboxRetention how long a DEAD outbox message is kept (visible to {@code Outbox.dead}
 *                            and retriable while its payload lasts) after it was queued; default 30 days
 * @param pauseBetweenBatches how long a run waits after a batch that purged something before the next
 *                            one, so that the requests sharing the database's CPU and locks get a turn
 *                            (a purge of a million rows is otherwise one long burst); default
 *                            {@link Builder#DEFAULT_PAUSE}, zero for none, less than the lease
 */
public record MaintenanceSettings(boolean enabled, Duration interval, int batchSize, Duration lease,
                                  Duration deadOutboxRetention, Duration pauseBetweenBatches) {
    /** The defaults. */
    public static final MaintenanceSettings DEFAULTS = builder().build();

    /**
     * Checks the bounds.
     *
     * @param enabled see {@link #enabled()}
     * @param interval see {@link #interval()}
     * @param batchSize see {@link #batchSize()}
     * @param lease see {@link #lease()}
     * @param deadOutboxRetention see {@link #deadOutboxRetention()}
     * @param pauseBetweenBatches see {@link #pauseBetweenBatches()}
     * @throws ConfigException naming the setting that is out of range
     */
    public MaintenanceSettings {
        positive(interval, "USERKIT_MAINTENANCE_INTERVAL");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new ConfigException("USERKIT_MAINTENANCE_BATCH_SIZE", "USERKIT_MAINTENANCE_BATCH_SIZE must be from 1 to 10000");
        }
        positive(lease, "USERKIT_MAINTENANCE_LEASE");
        positive(deadOutboxRetention, "USERKIT_MAINTENANCE_DEAD_OUTBOX_RETENTION");
        if (pauseBetweenBatches == null || pauseBetweenBatches.isNegative() || pauseBetweenBatches.compareTo(lease) >= 0) {
            throw new ConfigException("USERKIT_MAINTENANCE_PAUSE", "USERKIT_MAINTENANCE_PAUSE must be zero or positive and shorter than the lease");
        }
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new ConfigException(name, name + " must be a positive duration");
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; every setter returns {@code this}. */
    public static final class Builder {
        /** The default {@link MaintenanceSettings#pauseBetweenBatches()}. */
        public static final Duration DEFAULT_PAUSE = Duration.ZERO;
        private boolean enabled = true;
        private Duration interval = Duration.ofMinutes(5);
        private int batchSize = 1_000;
        private Duration lease = Duration.ofMinutes(2);
        private Duration deadOutboxRetention = Duration.ofDays(30);
        private Duration pauseBetweenBatches = DEFAULT_PAUSE;

        private Builder() {}

        /**
         * Sets {@link MaintenanceSettings#enabled()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder enabled(boolean v) { enabled = v; return this; }
        /**
         * Sets {@link MaintenanceSettings#interval()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder interval(Duration v) { interval = v; return this; }
        /**
         * Sets {@link MaintenanceSettings#batchSize()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder batchSize(int v) { batchSize = v; return this; }
        /**
         * Sets {@link MaintenanceSettings#lease()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder lease(Duration v) { lease = v; return this; }
        /**
         * Sets {@link MaintenanceSettings#deadOutboxRetention()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder deadOutboxRetention(Duration v) { deadOutboxRetention = v; return this; }
        /**
         * Sets {@link MaintenanceSettings#pauseBetweenBatches()}.
         *
         * @param v the new value
         * @return this builder
         */
        public Builder pauseBetweenBatches(Duration v) { pauseBetweenBatches = v; return this; }

        /**
         * Reads the {@code USERKIT_MAINTENANCE_*} names.
         *
         * @param s where to read them
         * @return this builder
         * @throws ConfigException naming the variable if a value is malformed
         */
        public Builder read(Settings s) {
            s.bool("USERKIT_MAINTENANCE_ENABLED").ifPresent(this::enabled);
            s.duration("USERKIT_MAINTENANCE_INTERVAL").ifPresent(this::interval);
            s.integer("USERKIT_MAINTENANCE_BATCH_SIZE").ifPresent(this::batchSize);
            s.duration("USERKIT_MAINTENANCE_LEASE").ifPresent(this::lease);
            s.duration("USERKIT_MAINTENANCE_DEAD_OUTBOX_RETENTION").ifPresent(this::deadOutboxRetention);
            s.duration("USERKIT_MAINTENANCE_PAUSE").ifPresent(this::pauseBetweenBatches);
            return this;
        }

        /**
         * Builds and validates.
         *
         * @return the settings
         * @throws ConfigException naming the setting that is out of range
         */
        public MaintenanceSettings build() {
            return new MaintenanceSettings(enabled, interval, batchSize, lease, deadOutboxRetention, pauseBetweenBatches);
        }
    }
}
