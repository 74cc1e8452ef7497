package dev.userkit.maintenance;

import java.time.Instant;

/** One kind of maintenance purge, one bounded batch per call. */
@FunctionalInterface
interface Purge {
    /**
     * Purges at most about {@code limit} rows that are due at {@code now}; zero when none is left.
     *
     * @param now the instant the run started
     * @param limit the batch size
     * @return how many rows this batch purged
     */
    int batch(Instant now, int limit);
}
