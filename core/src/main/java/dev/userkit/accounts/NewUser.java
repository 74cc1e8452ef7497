package dev.userkit.accounts;

import dev.userkit.domain.Profile;
import java.util.Locale;
import java.util.Map;

/**
 * What a registration (A1) or an import (A17) supplies. Build with {@link #builder(String, String)}.
 * Validation happens in {@link Accounts}, so a rejected registration changes nothing.
 *
 * @param username the wanted username (canonicalised per SEC-23)
 * @param email the email address
 * @param password the password (required to register; ignored by an import, which takes a hash)
 * @param phone an optional phone number (E.164 after normalisation), or null
 * @param profile optional personal details, or null
 * @param metadata an optional JSON object, or null
 * @param admin the admin flag (A12)
 * @param locale the language the user reads mail in (M3), or null to leave it to the request
 */
public record NewUser(String username, String email, String password, String phone, Profile profile,
                      Map<String, Object> metadata, boolean admin, Locale locale) {

    /**
     * A builder for a user with this username and email.
     *
     * @param username the username as entered
     * @param email the email as entered
     * @return a new builder
     */
    public static Builder builder(String username, String email) {
        return new Builder(username, email);
    }

    @Override
    public String toString() {
        return "NewUser[" + username + ", " + email + "]";
    }

    /** Mutable builder; setters return {@code this}. */
    public static final class Builder {
        private final String username;
        private final String email;
        private String password;
        private String phone;
        private Profile profile;
        private Map<String, Object> metadata;
        private boolean admin;
        private Locale locale;

        private Builder(String username, String email) {
            this.username = username;
            this.email = email;
        }

        /**
         * The password (required to register).
         *
         * @param v the password as entered
         * @return this builder
         */
        public Builder password(String v) { password = v; return this; }
        /**
         * A phone number.
         *
         * @param v the phone number, or null
         * @return this builder
         */
        public Builder phone(String v) { phone = v; return this; }
        /**
         * Personal details.
         *
         * @param v the personal details, or null
         * @return this builder
         */
        public Builder profile(Profile v) { profile = v; return this; }
        /**
         * The application's JSON object.
         *
         * @param v a JSON object, or null
         * @return this builder
         */
        public Builder metadata(Map<String, Object> v) { metadata = v; return this; }
        /**
         * The admin flag.
         *
         * @param v whether the user is an administrator
         * @return this builder
         */
        public Builder admin(boolean v) { admin = v; return this; }
        /**
         * The language the user reads mail in (M3), stored with the account.
         *
         * @param v a language with a well-formed tag of at most 35 characters, or null
         * @return this builder
         */
        public Builder locale(Locale v) { locale = v; return this; }

        /**
         * The new-user value.
         *
         * @return the new-user value
         */
        public NewUser build() {
            return new NewUser(username, email, password, phone, profile, metadata, admin, locale);
        }
    }
}
