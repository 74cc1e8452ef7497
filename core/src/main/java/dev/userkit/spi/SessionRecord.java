package dev.userkit.spi;

import dev.userkit.domain.Session;
import java.util.Objects;

/**
 * A session as a store keeps it.
 *
 * @param session the session
 * @param tokenHash SHA-256 of the secret token, base64url without padding (43 characters); unique
 */
public record SessionRecord(Session session, String tokenHash) {
    /** Checks required fields. */
    public SessionRecord {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(tokenHash, "tokenHash");
    }
}
