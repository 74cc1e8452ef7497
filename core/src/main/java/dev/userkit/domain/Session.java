package dev.userkit.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A server-side session. The secret token is not part of it: callers get the token once, at
 * creation, and stores keep only its SHA-256.
 *
 * @param id the session's id (safe to show, log and use in admin screens)
 * @param userId the user, or null for an anonymous session (S2)
 * @param createdAt creation time
 * @param lastSeenAt last validation that was written (sliding writes are throttled)
 * @param idleExpiresAt end of the idle timeout; moves with activity
 * @param absoluteExpiresAt hard end; activity never extends past it (SEC-18)
 * @param data the per-session JSON object (S8)
 * @param deviceId the device the login came from, or null
 */
public record Session(SessionId id, UserId userId, Instant createdAt, Instant lastSeenAt,
                      Instant idleExpiresAt, Instant absoluteExpiresAt, Map<String, Object> data,
                      DeviceId deviceId) {
    /**
     * Checks required fields and copies the data.
     *
     * @param id see {@link #id()}
     * @param userId see {@link #userId()}
     * @param createdAt see {@link #createdAt()}
     * @param lastSeenAt see {@link #lastSeenAt()}
     * @param idleExpiresAt see {@link #idleExpiresAt()}
     * @param absoluteExpiresAt see {@link #absoluteExpiresAt()}
     * @param data see {@link #data()}
     * @param deviceId see {@link #deviceId()}
     */
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
        Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
        data = JsonValues.object(data);
    }

    /**
     * The earlier of the idle and absolute ends: the instant from which the session is expired.
     *
     * @return the expiry instant
     */
    public Instant expiresAt() {
        return idleExpiresAt.isBefore(absoluteExpiresAt) ? idleExpiresAt : absoluteExpiresAt;
    }

    /**
     * Expired at {@code now} (an expiry instant equal to now counts as expired).
     *
     * @param now the instant to judge at
     * @return true if the session is expired then
     */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt());
    }

    /**
     * The user, if the session is bound to one.
     *
     * @return the user's id, or empty for an anonymous session
     */
    public Optional<UserId> user() {
        return Optional.ofNullable(userId);
    }
}
