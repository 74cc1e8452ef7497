package dev.userkit.spi;

import dev.userkit.domain.Session;
import java.util.Objects;

/**
 * A session as a store keeps it.
 *
 * @param session the session
 * @param tokenHash SHA-256 of the secret token, base64url without padding (43 characters); unique
 * @param securityStamp the {@link UserRecord#securityStamp()} of the session's user when it was
 *                      issued (0 for anonymous sessions); the session validates only while the two
 *                      are equal (SEC-27). Stored and returned exactly as given.
 */
public record SessionRecord(Session session, String tokenHash, long securityStamp) {
    /**
     * Checks required fields.
     *
     * @param session see {@link #session()}
     * @param tokenHash see {@link #tokenHash()}
     * @param securityStamp see {@link #securityStamp()}
     */
    public SessionRecord {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(tokenHash, "tokenHash");
    }
}
