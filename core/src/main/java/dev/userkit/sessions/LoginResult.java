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
 * @param knownClientToken a new known-client token (S11, SEC-28) for the client to keep (for example
 *                         in a long-lived cookie) and present in {@link dev.userkit.ClientContext#knownClientToken()}
 *                         at its next logins: then only its own failures can lock it out. It is a secret;
 *                         the store keeps only a hash of it, bound to the user and their current password
 */
public record LoginResult(String token, Session session, User user, List<String> roleNames, String knownClientToken) {
    /**
     * Checks required fields and copies the list.
     *
     * @param token see {@link #token()}
     * @param session see {@link #session()}
     * @param user see {@link #user()}
     * @param roleNames see {@link #roleNames()}
     * @param knownClientToken see {@link #knownClientToken()}
     */
    public LoginResult {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(knownClientToken, "knownClientToken");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
        roleNames = List.copyOf(roleNames);
    }

    @Override
    public String toString() {
        return "LoginResult[session=" + session.id() + ", user=" + user.id() + ", roles=" + roleNames + "]";
    }
}
