package dev.userkit.spi;

import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persists sessions, found by the hash of their token. Each method is atomic by itself.
 * Expiry is decided by the services at read time; the store only filters by the instants it is given.
 */
public interface SessionStore {
    /**
     * Inserts a session; a token hash or id that exists already throws {@link DuplicateKeyException}.
     * Its user, if it has one (anonymous sessions have none), must exist; a SQL store may refuse an
     * unknown user with {@link UnknownUserException} (by foreign key), which the services meet only
     * when the user is deleted concurrently.
     *
     * @param session the new session with its token hash and security stamp
     */
    void insert(SessionRecord session);

    /**
     * The session with this token hash, or empty (expired sessions are returned too).
     *
     * @param tokenHash the hash of the session's token
     * @return the session, or empty
     */
    Optional<SessionRecord> findByTokenHash(String tokenHash);

    /**
     * The session with this id, or empty.
     *
     * @param id the session's id
     * @return the session, or empty
     */
    Optional<SessionRecord> findById(SessionId id);

    /**
     * Sets the last-seen and idle-expiry instants (sliding expiry); false if the session is gone.
     *
     * @param id the session's id
     * @param lastSeenAt the new last-seen instant
     * @param idleExpiresAt the new idle-expiry instant
     * @return true if the session exists
     */
    boolean touch(SessionId id, Instant lastSeenAt, Instant idleExpiresAt);

    /**
     * As {@link #touch}, only if the session's last-seen instant is still {@code expectedLastSeenAt}
     * (one conditional write): of concurrent validations of one due session, only the first slides
     * it (SEC-18). False if the session is gone or was touched since it was read.
     *
     * @param id the session's id
     * @param expectedLastSeenAt the last-seen instant the session was read with
     * @param lastSeenAt the new last-seen instant
     * @param idleExpiresAt the new idle-expiry instant
     * @return true if this call wrote
     */
    boolean touchIfLastSeen(SessionId id, Instant expectedLastSeenAt, Instant lastSeenAt, Instant idleExpiresAt);

    /**
     * Sets the security stamp of the session with this id if it belongs to {@code userId}: the
     * session a password change keeps follows its user to the new stamp (SEC-27). False, changing
     * nothing, if there is no such session of that user.
     *
     * @param id the session's id
     * @param userId the user the session must belong to
     * @param securityStamp the user's new security stamp
     * @return true if the session was restamped
     */
    boolean restamp(SessionId id, UserId userId, long securityStamp);

    /**
     * Deletes one session; true if it existed.
     *
     * @param id the session's id
     * @return true if the session existed
     */
    boolean delete(SessionId id);

    /**
     * Deletes up to {@code limit} sessions matching the filter and returns how many it deleted, so
     * that a purge runs in bounded batches and never holds long locks.
     *
     * @param filter which sessions to delete
     * @param limit the most sessions to delete in this call
     * @return how many sessions were deleted
     */
    int deleteMatching(SessionFilter filter, int limit);

    /**
     * One bounded step of a walk that purges the sessions expired at {@code now} (S7, W6): deletes at
     * most {@code limit} sessions whose {@code expiresAt} is at or before {@code now}, the sessions
     * {@link #deleteMatching} deletes for {@link SessionFilter#expired}, taking them in the store's
     * physical order where it has one, so that a purge writes each stretch of the table once instead
     * of once per expired row on it. Walk from {@link PurgeCursor#START}, handing each step the cursor
     * the previous one returned, until a step {@link PurgeStep#isLast() is the last}: then every
     * session that was expired at {@code now} when the walk began is gone, except one whose row a
     * concurrent write moved behind the walk, which the next walk deletes. A session inserted or
     * extended during the walk stays unless it is expired at {@code now}. A step may delete none
     * without being the last.
     *
     * @param now the instant expiry is judged at, the same for every step of a walk
     * @param from where the previous step stopped, or {@link PurgeCursor#START}
     * @param limit the most sessions this step deletes, at least 1
     * @return how many this step deleted and where the next one starts
     */
    PurgeStep purgeExpired(Instant now, PurgeCursor from, int limit);

    /**
     * Sessions matching the filter in ascending id order, after {@code after} (null: from the start), at most {@code limit}.
     *
     * @param filter which sessions to list
     * @param after the last id of the previous page, or null
     * @param limit the most sessions to return
     * @return the matching sessions, ascending by id
     */
    List<SessionRecord> list(SessionFilter filter, SessionId after, int limit);
}
