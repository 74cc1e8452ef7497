package dev.userkit.maintenance;

import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import java.time.Instant;

/**
 * One kind of maintenance purge: a walk over the rows due at the run's start, one bounded batch per
 * call, each call continuing from the cursor the previous one returned.
 */
@FunctionalInterface
interface Purge {
    /**
     * Purges one batch of at most about {@code limit} rows that are due at {@code now}.
     *
     * @param now the instant the run started
     * @param from where the previous batch of this run stopped, or {@link PurgeCursor#START}
     * @param limit the batch size
     * @return how many rows this batch purged and where the next one starts, if any
     */
    PurgeStep batch(Instant now, PurgeCursor from, int limit);

    /**
     * A purge whose every batch takes the first due rows it finds, with no position between batches:
     * its walk is over at the first batch that purged nothing.
     *
     * @param rows one batch
     * @return the purge
     */
    static Purge untilEmpty(FirstRows rows) {
        return (now, from, limit) -> {
            int n = rows.purge(now, limit);
            return n == 0 ? PurgeStep.last(0) : new PurgeStep(n, from);
        };
    }

    /** One batch of a purge that keeps no position: the first {@code limit} rows due at {@code now}. */
    @FunctionalInterface
    interface FirstRows {
        /**
         * Purges at most about {@code limit} rows due at {@code now}.
         *
         * @param now the instant the run started
         * @param limit the batch size
         * @return how many rows it purged; zero when none is left
         */
        int purge(Instant now, int limit);
    }
}
