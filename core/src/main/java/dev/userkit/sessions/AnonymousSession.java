package dev.userkit.sessions;

import dev.userkit.domain.Session;
import java.util.Objects;

/**
 * A session started before login (S2).
 *
 * @param token the opaque session token; the store keeps only its SHA-256 (SEC-16)
 * @param session the session, with no user
 */
public record AnonymousSession(String token, Session session) {
    /**
     * Checks required fields.
     *
     * @param token see {@link #token()}
     * @param session see {@link #session()}
     */
    public AnonymousSession {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(session, "session");
    }

    @Override
    public String toString() {
        return "AnonymousSession[session=" + session.id() + "]";
    }
}
