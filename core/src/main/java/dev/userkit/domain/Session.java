package dev.userkit.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A server-side session. The secret token is not part of it: callers get the token once, at
 * creation, and stores keep only its SHA-256.
 *
 * <p>Build one with {@link #builder()} and change one with {@link #toBuilder()}, never with the
 * positional constructor, so that a new field touches only the places that read or write it.
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
     * A builder with nothing set: anonymous, no data, no device; {@link Builder#build()} requires
     * the id and the four instants.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every field of this session, to make a copy that differs in a few.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().id(id).userId(userId).createdAt(createdAt).lastSeenAt(lastSeenAt)
                .idleExpiresAt(idleExpiresAt).absoluteExpiresAt(absoluteExpiresAt).data(data).deviceId(deviceId);
    }

    /**
     * The earlier of the idle and absolute ends: the instant from which the session is expired.
     *
     * @return the expiry instant
     */
    public Instant expiresAt() {
        return expiresAt(idleExpiresAt, absoluteExpiresAt);
    }

    /**
     * The earlier of a session's idle and absolute ends, for what holds a session's ends without the
     * session itself (the hot-path reads).
     *
     * @param idleEnd the idle end
     * @param absoluteEnd the absolute end
     * @return the instant from which such a session is expired
     */
    public static Instant expiresAt(Instant idleEnd, Instant absoluteEnd) {
        return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
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
     * A copy after a sliding write (the edit the services and stores make to a live session).
     *
     * @param seenAt the new {@link #lastSeenAt()}
     * @param idleEnd the new {@link #idleExpiresAt()}
     * @return this session seen at {@code seenAt}, idle until {@code idleEnd}
     */
    public Session withActivity(Instant seenAt, Instant idleEnd) {
        return toBuilder().lastSeenAt(seenAt).idleExpiresAt(idleEnd).build();
    }

    /**
     * The user, if the session is bound to one.
     *
     * @return the user's id, or empty for an anonymous session
     */
    public Optional<UserId> user() {
        return Optional.ofNullable(userId);
    }

    /**
     * Mutable builder of a {@link Session}; each setter returns {@code this}, and {@link #build()}
     * checks the fields as the record's constructor does.
     */
    public static final class Builder {
        private SessionId id;
        private UserId userId;
        private Instant createdAt;
        private Instant lastSeenAt;
        private Instant idleExpiresAt;
        private Instant absoluteExpiresAt;
        private Map<String, Object> data;
        private DeviceId deviceId;

        private Builder() {}

        /**
         * Sets one field.
         *
         * @param v the id
         * @return this builder
         */
        public Builder id(SessionId v) { id = v; return this; }

        /**
         * Sets one field.
         *
         * @param v the user, or null for an anonymous session
         * @return this builder
         */
        public Builder userId(UserId v) { userId = v; return this; }

        /**
         * Sets one field.
         *
         * @param v creation time
         * @return this builder
         */
        public Builder createdAt(Instant v) { createdAt = v; return this; }

        /**
         * Sets one field.
         *
         * @param v the last validation that was written
         * @return this builder
         */
        public Builder lastSeenAt(Instant v) { lastSeenAt = v; return this; }

        /**
         * Sets one field.
         *
         * @param v the end of the idle timeout
         * @return this builder
         */
        public Builder idleExpiresAt(Instant v) { idleExpiresAt = v; return this; }

        /**
         * Sets one field.
         *
         * @param v the hard end
         * @return this builder
         */
        public Builder absoluteExpiresAt(Instant v) { absoluteExpiresAt = v; return this; }

        /**
         * Sets one field.
         *
         * @param v the per-session JSON object, or null for none
         * @return this builder
         */
        public Builder data(Map<String, Object> v) { data = v; return this; }

        /**
         * Sets one field.
         *
         * @param v the device, or null
         * @return this builder
         */
        public Builder deviceId(DeviceId v) { deviceId = v; return this; }

        /**
         * The session.
         *
         * @return a new session with the fields set so far
         * @throws NullPointerException naming a required field that is not set
         */
        public Session build() {
            return new Session(id, userId, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, data, deviceId);
        }
    }
}
