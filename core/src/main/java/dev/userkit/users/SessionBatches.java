package dev.userkit.users;

import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionStore;

/**
 * Deletes matching sessions in bounded batches, so a purge never holds long locks (S7). Shared by
 * every service that revokes sessions (logout everywhere, password change or reset, disabling a
 * user, restricting a device).
 */
public final class SessionBatches {
    /** Sessions deleted per store call. */
    public static final int BATCH = 500;

    private SessionBatches() {}

    /**
     * Deletes every session of this store matching the filter, {@link #BATCH} per store call.
     *
     * @param sessions the session store to delete from
     * @param filter which sessions to delete
     * @return how many sessions were deleted
     */
    public static int deleteAll(SessionStore sessions, SessionFilter filter) {
        int total = 0;
        int n;
        do {
            n = sessions.deleteMatching(filter, BATCH);
            total += n;
        } while (n >= BATCH);
        return total;
    }
}
