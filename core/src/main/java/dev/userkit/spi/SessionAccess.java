package dev.userkit.spi;

import dev.userkit.domain.Role;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an authorisation check (R4) reads of a session by its token hash, and nothing more: whether
 * the session is live, what its sliding write needs (S4, SEC-18), the session's and its user's
 * security stamps (SEC-27), the user's status, and the roles the user holds as the store holds them
 * at the moment of the read (SEC-20). Neither the session's data nor the user's view is part of it,
 * so a store need not read or decode them.
 *
 * @param sessionId the session's id
 * @param userId the session's user, or null for an anonymous session
 * @param lastSeenAt the session's {@link Session#lastSeenAt()}
 * @param idleExpiresAt the session's {@link Session#idleExpiresAt()}
 * @param absoluteExpiresAt the session's {@link Session#absoluteExpiresAt()}
 * @param securityStamp the session's {@link SessionRecord#securityStamp()}: its user's stamp when it was issued
 * @param userStatus the user's current status; empty for an anonymous session, or when the user no longer exists
 * @param userSecurityStamp the user's current {@link UserRecord#securityStamp()}; 0 when {@code userStatus} is empty
 * @param roles the user's roles ordered by name; empty for an anonymous session or a missing user
 */
public record SessionAccess(SessionId sessionId, UserId userId, Instant lastSeenAt, Instant idleExpiresAt,
                            Instant absoluteExpiresAt, long securityStamp, Optional<UserStatus> userStatus,
                            long userSecurityStamp, List<Role> roles) {
    /**
     * Checks required fields and copies the list.
     *
     * @param sessionId see {@link #sessionId()}
     * @param userId see {@link #userId()}
     * @param lastSeenAt see {@link #lastSeenAt()}
     * @param idleExpiresAt see {@link #idleExpiresAt()}
     * @param absoluteExpiresAt see {@link #absoluteExpiresAt()}
     * @param securityStamp see {@link #securityStamp()}
     * @param userStatus see {@link #userStatus()}
     * @param userSecurityStamp see {@link #userSecurityStamp()}
     * @param roles see {@link #roles()}
     */
    public SessionAccess {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
        Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
        Objects.requireNonNull(userStatus, "userStatus");
        roles = List.copyOf(roles);
    }

    /**
     * The part of a wider read that an authorisation check uses, with the given roles: what a store
     * without a narrower read of its own answers, and what {@link SessionReads#findWithRoles} must
     * agree with.
     *
     * @param read a session read with its user
     * @param roles the roles of the session's user, ordered by name
     * @return the session's, its user's and the roles' fields that a check reads
     */
    public static SessionAccess of(SessionWithUser read, List<Role> roles) {
        Session s = read.session().session();
        return new SessionAccess(s.id(), s.userId(), s.lastSeenAt(), s.idleExpiresAt(), s.absoluteExpiresAt(),
                read.session().securityStamp(), read.user().map(User::status), read.userSecurityStamp(), roles);
    }

    /**
     * A copy holding these roles instead, for a store that reads the roles after the rest.
     *
     * @param heldRoles the roles of the session's user, ordered by name
     * @return this read with {@code heldRoles} as its {@link #roles()}
     */
    public SessionAccess withRoles(List<Role> heldRoles) {
        return new SessionAccess(sessionId, userId, lastSeenAt, idleExpiresAt, absoluteExpiresAt, securityStamp,
                userStatus, userSecurityStamp, heldRoles);
    }

    /**
     * The earlier of the idle and absolute ends, as {@link Session#expiresAt()}.
     *
     * @return the instant from which the session is expired
     */
    public Instant expiresAt() {
        return Session.expiresAt(idleExpiresAt, absoluteExpiresAt);
    }
}
