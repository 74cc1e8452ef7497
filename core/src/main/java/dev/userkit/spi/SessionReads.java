package dev.userkit.spi;

import java.util.Optional;

/**
 * The hot-path reads: a session by the hash of its token together with what validation (S3) and
 * authorisation (R4) need, so that a store which can join (SQL) answers each in one round trip.
 *
 * <p>A store technology provides its own through {@link Stores.Builder#sessionReads}; without one,
 * {@link Stores} composes {@link #composed} from its session, user and role stores. Both answer
 * the same thing; each read is a snapshot of committed state, never a mix of a half-done write.
 */
public interface SessionReads {
    /**
     * The session with this token hash and its user, or empty when no session has this hash.
     *
     * @param tokenHash the hash of the session's token
     * @return the session with its user, or empty
     */
    Optional<SessionWithUser> findWithUser(String tokenHash);

    /**
     * What authorisation checks of the session with this token hash, with the roles its user holds:
     * the fields {@link SessionAccess#of} takes from {@link #findWithUser}'s answer, read at the same
     * instant as the roles. A store reads only those; the session's data and the user's view are left out.
     *
     * @param tokenHash the hash of the session's token
     * @return the session's check fields, its user's status and stamp and the user's roles, or empty
     *         when no session has this hash
     */
    Optional<SessionAccess> findWithRoles(String tokenHash);

    /**
     * The reads made of separate calls to the given stores: two reads for a validation, three for an
     * authorisation. Every store answers correctly through these; a store that can do better
     * provides its own.
     *
     * @param sessions the session store
     * @param users the user store
     * @param roles the role store
     * @return reads composed of those stores' calls
     */
    static SessionReads composed(SessionStore sessions, UserStore users, RoleStore roles) {
        return new ComposedSessionReads(sessions, users, roles);
    }
}
