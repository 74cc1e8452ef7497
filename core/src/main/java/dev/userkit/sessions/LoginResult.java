package dev.userkit.sessions;

import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import java.util.List;
import java.util.Objects;

/**
 * A successful login (S1): the secret token (given out only here), the new session, the user and
 * the names of the roles the user held at login time.
 *
 * @param token the opaque session token; the store keeps only its SHA-256 (SEC-16)
 * @param session the new session
 * @param user the user who logged in (carries the admin flag)
 * @param roleNames the user's roles, ordered by name
 */
public record LoginResult(String token, Session session, User user, List<String> roleNames) {
    /** Checks required fields and copies the list. */
    public LoginResult {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
        roleNames = List.copyOf(roleNames);
    }

    @Override
    public String toString() {
        return "LoginResult[session=" + session.id() + ", user=" + user.id() + ", roles=" + roleNames + "]";
    }
}
