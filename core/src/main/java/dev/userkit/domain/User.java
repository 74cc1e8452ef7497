package dev.userkit.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The public view of an account. It never carries the password hash (A4).
 *
 * @param id the user's id
 * @param username canonical username
 * @param email email as entered, compared case-insensitively
 * @param phone E.164 phone number, or null
 * @param profile personal details (never null)
 * @param metadata the application's JSON object (never null, normalised by {@link JsonValues})
 * @param admin the admin flag (A12); grants nothing by itself in authorisation (R4)
 * @param status PENDING, ACTIVE or DISABLED
 * @param createdAt when registered
 * @param updatedAt when last changed
 */
public record User(UserId id, Username username, Email email, Phone phone, Profile profile,
                   Map<String, Object> metadata, boolean admin, UserStatus status,
                   Instant createdAt, Instant updatedAt) {
    /**
     * Checks required fields and copies metadata.
     *
     * @param id see {@link #id()}
     * @param username see {@link #username()}
     * @param email see {@link #email()}
     * @param phone see {@link #phone()}
     * @param profile see {@link #profile()}
     * @param metadata see {@link #metadata()}
     * @param admin see {@link #admin()}
     * @param status see {@link #status()}
     * @param createdAt see {@link #createdAt()}
     * @param updatedAt see {@link #updatedAt()}
     */
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        profile = profile == null ? Profile.EMPTY : profile;
        metadata = JsonValues.object(metadata);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * A14: first and last name, or the username when neither is set.
     *
     * @return the display name, never blank
     */
    public String fullName() {
        String n = profile.fullName();
        return n.isEmpty() ? username.value() : n;
    }

    /**
     * A copy with another status.
     *
     * @param s the new status
     * @param at the time of the change, the copy's {@code updatedAt}
     * @return the changed copy
     */
    public User withStatus(UserStatus s, Instant at) {
        return new User(id, username, email, phone, profile, metadata, admin, s, createdAt, at);
    }

    /**
     * A copy with another username.
     *
     * @param u the new username
     * @param at the time of the change, the copy's {@code updatedAt}
     * @return the changed copy
     */
    public User withUsername(Username u, Instant at) {
        return new User(id, u, email, phone, profile, metadata, admin, status, createdAt, at);
    }

    /**
     * A copy with another email.
     *
     * @param e the new email
     * @param at the time of the change, the copy's {@code updatedAt}
     * @return the changed copy
     */
    public User withEmail(Email e, Instant at) {
        return new User(id, username, e, phone, profile, metadata, admin, status, createdAt, at);
    }

    /**
     * A copy with another phone (null to remove).
     *
     * @param p the new phone, or null
     * @param at the time of the change, the copy's {@code updatedAt}
     * @return the changed copy
     */
    public User withPhone(Phone p, Instant at) {
        return new User(id, username, email, p, profile, metadata, admin, status, createdAt, at);
    }

    /**
     * A copy with another profile.
     *
     * @param p the new profile
     * @param at the time of the change, the copy's {@code updatedAt}
     * @return the changed copy
     */
    public User withProfile(Profile p, Instant at) {
        return new User(id, username, email, phone, p, metadata, admin, status, createdAt, at);
    }

    /**
     * A copy with other metadata.
     *
     * @param m the new metadata object
     * @param at the time of the change, the copy's {@code updatedAt}
     * @return the changed copy
     */
    public User withMetadata(Map<String, Object> m, Instant at) {
        return new User(id, username, email, phone, profile, m, admin, status, createdAt, at);
    }

    /**
     * A copy with the admin flag set or cleared.
     *
     * @param a the new admin flag
     * @param at the time of the change, the copy's {@code updatedAt}
     * @return the changed copy
     */
    public User withAdmin(boolean a, Instant at) {
        return new User(id, username, email, phone, profile, metadata, a, status, createdAt, at);
    }
}
