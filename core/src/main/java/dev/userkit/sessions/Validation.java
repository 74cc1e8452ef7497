package dev.userkit.sessions;

import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid session and its user (S3).
 *
 * @param session the session as stored (after any sliding write)
 * @param user the session's user, empty for an anonymous session
 */
public record Validation(Session session, Optional<User> user) {
    /**
     * Checks required fields.
     *
     * @param session see {@link #session()}
     * @param user see {@link #user()}
     */
    public Validation {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
    }

    /**
     * Whether the session belongs to no user (S2).
     *
     * @return true for an anonymous session
     */
    public boolean anonymous() {
        return user.isEmpty();
    }
}
