package dev.userkit.spi;

import dev.userkit.domain.DeviceId;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import java.time.Instant;

/**
 * Selects sessions for listing and deletion. Null fields do not filter; all set fields must match.
 *
 * @param userId only this user's sessions
 * @param expiredAt only sessions whose {@code Session.expiresAt()} is at or before this instant
 * @param except never this session (S10 sign out everywhere else)
 * @param deviceId only sessions from this device (SEC-21)
 */
public record SessionFilter(UserId userId, Instant expiredAt, SessionId except, DeviceId deviceId) {
    /**
     * Every session.
     *
     * @return the filter
     */
    public static SessionFilter all() {
        return new SessionFilter(null, null, null, null);
    }

    /**
     * All sessions of one user.
     *
     * @param user the user's id
     * @return the filter
     */
    public static SessionFilter ofUser(UserId user) {
        return new SessionFilter(user, null, null, null);
    }

    /**
     * Every session expired at {@code now}.
     *
     * @param now the instant to judge expiry at
     * @return the filter
     */
    public static SessionFilter expired(Instant now) {
        return new SessionFilter(null, now, null, null);
    }
}
