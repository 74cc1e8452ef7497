package dev.userkit.spi;

import dev.userkit.domain.User;
import java.util.Objects;
import java.util.Optional;

/**
 * A session read together with what validating it needs of its user (S3, SEC-27): the user's public
 * view (its status included) and its current security stamp, never its password hash.
 *
 * @param session the session as stored (expired sessions are returned too)
 * @param user the session's user; empty for an anonymous session, or when the user no longer exists
 * @param userSecurityStamp the user's current {@link UserRecord#securityStamp()}; 0 when {@code user} is empty
 */
public record SessionWithUser(SessionRecord session, Optional<User> user, long userSecurityStamp) {
    /**
     * Checks required fields.
     *
     * @param session see {@link #session()}
     * @param user see {@link #user()}
     * @param userSecurityStamp see {@link #userSecurityStamp()}
     */
    public SessionWithUser {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
    }
}
