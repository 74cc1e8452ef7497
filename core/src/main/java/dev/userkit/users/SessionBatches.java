package dev.userkit.users;

import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionStore;
import java.time.Instant;

/**
 * Deletes matching sessions in bounded batches, so a purge never holds long locks (S7). Shared by
 * every service that revokes sessions (logout everywhere, password change or reset, disabling a
 * user, restricting a device).
 */
public final class SessionBatches {
    /** Sessions deleted per store call when revoking a user's or a device's sessions. */
    public static final int BATCH = 500;
    /**
     * Sessions deleted per store call when purging everyone's expired sessions (S7): a purge may face
     * millions, and every store call costs a round trip, a commit and a walk down the expiry index
     * on top of its rows, so its batches are larger; each still ends within tens of milliseconds on
     * the SQL stores (measured in the bench module's {@code PurgeScaling}).
     */
    public static final int PURGE_BATCH = 5_000;

    private SessionBatches() {}

    /**
     * Deletes every session of this store matching the filter, {@link #BATCH} per store call.
     *
     * @param sessions the session store to delete from
     * @param filter which sessions to delete
     * @return how many sessions were deleted
     */
    public static int deleteAll(SessionStore sessions, SessionFilter filter) {
        return deleteAll(sessions, filter, BATCH);
    }

    /**
     * Deletes every session of this store matching the filter, {@code batch} per store call.
     *
     * @param sessions the session store to delete from
     * @param filter which sessions to delete
     * @param batch the most sessions per store call
     * @return how many sessions were deleted
     */
    public static int deleteAll(SessionStore sessions, SessionFilter filter, int batch) {
        int total = 0;
        int n;
        do {
            n = sessions.deleteMatching(filter, batch);
            total += n;
        } while (n >= batch);
        return total;
    }

    /**
     * Deletes every session expired at {@code now}: one walk of {@link SessionStore#purgeExpired},
     * {@link #PURGE_BATCH} per step.
     *
     * @param sessions the session store to purge
     * @param now the instant expiry is judged at
     * @return how many sessions were deleted
     */
    public static int purgeExpired(SessionStore sessions, Instant now) {
        int total = 0;
        PurgeCursor at = PurgeCursor.START;
        PurgeStep step;
        do {
            step = sessions.purgeExpired(now, at, PURGE_BATCH);
            total += step.deleted();
            at = step.next();
        } while (!step.isLast());
        return total;
    }
}
