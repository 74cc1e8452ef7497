package dev.userkit.users;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.UserRecord;

/**
 * Ends a user's sessions on the server (SEC-19, SEC-27): after a password change all but the
 * caller's, after a reset, disabling or deletion all of them. The revocation itself is one atomic
 * write, the raise of the user's security stamp (usually in the same write as the credential
 * change): from then on no older session validates, including one a racing login is inserting
 * right now. The kept session follows the user to the new stamp; deleting the others, in bounded
 * batches ({@link SessionBatches}), is housekeeping.
 */
public final class SessionRevocation {
    private final SessionStore sessions;
    private final UserRecords records;

    /**
     * Revocation over this session store, raising stamps through {@code records}.
     *
     * @param sessions the session store
     * @param records the user records whose stamps are raised
     */
    public SessionRevocation(SessionStore sessions, UserRecords records) {
        this.sessions = sessions;
        this.records = records;
    }

    /**
     * Ends every session of the user except {@code keep} (null: none kept) by raising the stamp on
     * its own; returns how many sessions were deleted. A user that does not exist has nothing to revoke.
     *
     * @param user the user's id
     * @param keep the session to keep, or null
     * @return how many sessions were deleted
     */
    public int allBut(UserId user, SessionId keep) {
        UserRecord raised;
        try {
            raised = records.modify(user, r -> r.next(r.user()).endingSessions());
        } catch (UserKitException e) {
            if (e.code() != ErrorCode.USER_NOT_FOUND) throw e;
            return deleteAll(user);
        }
        return afterStampRaised(raised, keep);
    }

    /**
     * Finishes a revocation whose stamp raise was written with a credential change: {@code keep}
     * (null: none) moves to the new stamp, the user's other sessions are deleted; returns how many.
     *
     * @param raised the user's record with the raised stamp, as written
     * @param keep the session to keep, or null
     * @return how many sessions were deleted
     */
    public int afterStampRaised(UserRecord raised, SessionId keep) {
        UserId user = raised.user().id();
        if (keep != null) sessions.restamp(keep, user, raised.securityStamp());
        return SessionBatches.deleteAll(sessions, new SessionFilter(user, null, keep, null));
    }

    /**
     * Deletes every session of the user (its stamp is raised already, or it is being deleted); returns how many.
     *
     * @param user the user's id
     * @return how many sessions were deleted
     */
    public int deleteAll(UserId user) {
        return SessionBatches.deleteAll(sessions, new SessionFilter(user, null, null, null));
    }
}
