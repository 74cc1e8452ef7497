package dev.userkit.spi;

import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import java.util.Collection;

/**
 * Revocations made anywhere, announced by the database (optional, see {@link Stores#revocationFeed()}):
 * what lets a validation cache in one instance forget sessions another instance, or an administrator
 * in a SQL console, has ended. PostgreSQL provides one (LISTEN/NOTIFY, within milliseconds); on a store
 * without one, another instance's revocation is seen once the cache's staleness window has passed.
 *
 * <p>A feed may announce more than happened (a whole user for one session, everything for a change
 * too large to name), never less: a listener forgets at least what it is told.
 */
public interface RevocationFeed {
    /**
     * Starts telling {@code listener} about every revocation committed from now on, from a thread of the
     * feed's own. When the feed loses its link to the database it calls {@link Listener#everythingChanged()}
     * once the link is back, since announcements may have been lost meanwhile.
     *
     * @param listener told about each revocation; must not block
     * @return closing it stops the announcements to this listener
     */
    AutoCloseable subscribe(Listener listener);

    /** Told about revocations; each method must be quick and must not throw. */
    interface Listener {
        /**
         * These sessions were deleted or changed.
         *
         * @param sessions the ids of the deleted or changed sessions
         */
        void sessionsChanged(Collection<SessionId> sessions);

        /**
         * These users changed (status, security stamp, deleted): every session of theirs is to be read again.
         *
         * @param users the ids of the changed users
         */
        void usersChanged(Collection<UserId> users);

        /** Anything may have changed: forget everything. */
        void everythingChanged();
    }
}
