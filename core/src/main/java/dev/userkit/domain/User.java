package dev.userkit.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The public view of an account. It never carries the password hash (A4).
 *
 * <p>Build one with {@link #builder()} and change one with {@link #toBuilder()} or a {@code with*}
 * method, never with the positional constructor: then a new field touches this file and the
 * places that read or write it, not every place that makes a user. The {@code with*} methods are
 * the edits the services make; each also sets {@link #updatedAt()}.
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
 * @param locale the language the user reads mail and messages in, or null (then the request's, else the default)
 */
public record User(UserId id, Username username, Email email, Phone phone, Profile profile,
                   Map<String, Object> metadata, boolean admin, UserStatus status,
                   Instant createdAt, Instant updatedAt, Locale locale) {
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
     * @param locale see {@link #locale()}
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
     * A builder with nothing set: no phone, an empty profile and metadata, not admin; {@link Builder#build()}
     * requires the id, username, email, status and both instants.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every field of this user, to make a copy that differs in a few.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().id(id).username(username).email(email).phone(phone).profile(profile).metadata(metadata)
                .admin(admin).status(status).createdAt(createdAt).updatedAt(updatedAt).locale(locale);
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
        return toBuilder().status(s).updatedAt(at).build();
    }

    /**
     * A copy with another username.
     *
     * @param u the new username
     * @param at the time of the change, the copy's {@code updatedAt}
     * @return the changed copy
     */
    public User withUsername(Username u, Instant at) {
        return toBuilder().username(u).updatedAt(at).build();
    }

    /**
     * A copy with another email.
     *
     * @param e the new email
     * @param at the time of the change, the copy's {@code updatedAt}
     * @return the changed copy
     */
    public User withEmail(Email e, Instant at) {
        return toBuilder().email(e).updatedAt(at).build();
    }

    /**
     * A copy with another phone (null to remove).
     *
     * @param p the new phone, or null
     * @param at the time of the change, the copy's {@code updatedAt}
     * @return the changed copy
     */
    public User withPhone(Phone p, Instant at) {
        return toBuilder().phone(p).updatedAt(at).build();
    }

    /**
     * A copy with another profile.
     *
     * @param p the new profile
     * @param at the time of the change, the copy's {@code updatedAt}
     * @return the changed copy
     */
    public User withProfile(Profile p, Instant at) {
        return toBuilder().profile(p).updatedAt(at).build();
    }

    /**
     * A copy with other metadata.
     *
     * @param m the new metadata object
     * @param at the time of the change, the copy's {@code updatedAt}
     * @return the changed copy
     */
    public User withMetadata(Map<String, Object> m, Instant at) {
        return toBuilder().metadata(m).updatedAt(at).build();
    }

    /**
     * A copy with another stored language.
     *
     * @param l the language, or null for none
     * @param at when it changed
     * @return the copy
     */
    public User withLocale(Locale l, Instant at) {
        return toBuilder().locale(l).updatedAt(at).build();
    }

    /**
     * A copy with another admin flag.
     *
     * @param a the flag
     * @param at when it changed
     * @return the copy
     */
    public User withAdmin(boolean a, Instant at) {
        return toBuilder().admin(a).updatedAt(at).build();
    }

    /**
     * Mutable builder of a {@link User}; each setter returns {@code this}, and {@link #build()}
     * checks the fields as the record's constructor does.
     */
    public static final class Builder {
        private UserId id;
        private Username username;
        private Email email;
        private Phone phone;
        private Profile profile;
        private Map<String, Object> metadata;
        private boolean admin;
        private UserStatus status;
        private Instant createdAt;
        private Instant updatedAt;
        private Locale locale;

        private Builder() {}

        /**
         * Sets one field.
         *
         * @param v the id
         * @return this builder
         */
        public Builder id(UserId v) { id = v; return this; }

        /**
         * Sets one field.
         *
         * @param v the canonical username
         * @return this builder
         */
        public Builder username(Username v) { username = v; return this; }

        /**
         * Sets one field.
         *
         * @param v the email
         * @return this builder
         */
        public Builder email(Email v) { email = v; return this; }

        /**
         * Sets one field.
         *
         * @param v the phone, or null for none
         * @return this builder
         */
        public Builder phone(Phone v) { phone = v; return this; }

        /**
         * Sets one field.
         *
         * @param v personal details, or null for none
         * @return this builder
         */
        public Builder profile(Profile v) { profile = v; return this; }

        /**
         * Sets one field.
         *
         * @param v the application's JSON object, or null for none
         * @return this builder
         */
        public Builder metadata(Map<String, Object> v) { metadata = v; return this; }

        /**
         * Sets one field.
         *
         * @param v the admin flag
         * @return this builder
         */
        public Builder admin(boolean v) { admin = v; return this; }

        /**
         * Sets one field.
         *
         * @param v the status
         * @return this builder
         */
        public Builder status(UserStatus v) { status = v; return this; }

        /**
         * Sets one field.
         *
         * @param v when registered
         * @return this builder
         */
        public Builder createdAt(Instant v) { createdAt = v; return this; }

        /**
         * Sets one field.
         *
         * @param v when last changed
         * @return this builder
         */
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }

        /**
         * Sets {@link User#locale()}.
         *
         * @param v the language the user reads, or null for none stored
         * @return this builder
         */
        public Builder locale(Locale v) { locale = v; return this; }

        /**
         * The user.
         *
         * @return a new user with the fields set so far
         * @throws NullPointerException naming a required field that is not set
         */
        public User build() {
            return new User(id, username, email, phone, profile, metadata, admin, status, createdAt, updatedAt, locale);
        }
    }
}
