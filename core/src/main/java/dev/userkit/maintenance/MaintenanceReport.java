package dev.userkit.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one maintenance run did. A run that did not get the lease (another instance held it) purged
 * nothing; a run that got it held the lease from {@code startedAt} to {@code finishedAt}, so two runs
 * that held it never overlap in time.
 *
 * @param lockHeld whether this instance held the maintenance lease and purged
 * @param startedAt when the run started purging (after taking the lease), or tried to take it
 * @param finishedAt when the run ended (before giving the lease back)
 * @param purged rows purged per kind; every kind present, zero when none
 * @param complete false if the run stopped early (stop requested, or the lease was lost or could not be renewed)
 */
public record MaintenanceReport(boolean lockHeld, Instant startedAt, Instant finishedAt, Map<PurgeKind, Integer> purged,
                                boolean complete) {
    /**
     * Fills in every kind.
     *
     * @param lockHeld see {@link #lockHeld()}
     * @param startedAt see {@link #startedAt()}
     * @param finishedAt see {@link #finishedAt()}
     * @param purged see {@link #purged()}; missing kinds count zero
     * @param complete see {@link #complete()}
     */
    public MaintenanceReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        EnumMap<PurgeKind, Integer> all = new EnumMap<>(PurgeKind.class);
        for (PurgeKind k : PurgeKind.values()) all.put(k, purged == null ? 0 : purged.getOrDefault(k, 0));
        purged = Map.copyOf(all);
    }

    /**
     * How many rows of one kind this run purged.
     *
     * @param kind the kind
     * @return the count, zero if none
     */
    public int purged(PurgeKind kind) {
        return purged.get(kind);
    }

    /**
     * How many rows this run purged in all.
     *
     * @return the sum over every kind
     */
    public int total() {
        return purged.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * How long the run took, by the kit's clock.
     *
     * @return {@code finishedAt - startedAt}
     */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
