package dev.userkit.internal;

import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionStore;

/**
 * Ends a user's sessions on the server (SEC-19): after a password change all but the caller's,
 * after a reset, disabling or deletion all of them, in bounded batches ({@link SessionBatches}).
 */
public final class SessionRevocation {
    private final SessionStore sessions;

    /** Revocation over this session store. */
    public SessionRevocation(SessionStore sessions) {
        this.sessions = sessions;
    }

    /** Deletes every session of the user; returns how many. */
    public int all(UserId user) {
        return allBut(user, null);
    }

    /** Deletes every session of the user except {@code keep} (null: none kept); returns how many. */
    public int allBut(UserId user, SessionId keep) {
        return SessionBatches.deleteAll(sessions, new SessionFilter(user, null, keep, null));
    }
}
