package dev.userkit.internal;

import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionStore;

/**
 * Ends a user's sessions on the server (SEC-19): after a password change all but the caller's,
 * after a reset, disabling or deletion all of them. Deletes in bounded batches.
 */
public final class SessionRevocation {
    private static final int BATCH = 500;
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
        SessionFilter filter = new SessionFilter(user, null, keep, null);
        int total = 0;
        for (int n = sessions.deleteMatching(filter, BATCH); n > 0; n = sessions.deleteMatching(filter, BATCH)) total += n;
        return total;
    }
}
