package dev.userkit.sessions;

import dev.userkit.internal.UserKitContext;
import dev.userkit.spi.SessionFilter;

/** Deletes matching sessions in bounded batches, so a purge never holds long locks (S7). */
final class SessionBatches {
    /** Sessions deleted per store call. */
    static final int BATCH = 500;

    private SessionBatches() {}

    /** Deletes every session matching the filter; returns how many. */
    static int deleteAll(UserKitContext ctx, SessionFilter filter) {
        int total = 0;
        int n;
        do {
            n = ctx.stores().sessions().deleteMatching(filter, BATCH);
            total += n;
        } while (n >= BATCH);
        return total;
    }
}
