package dev.userkit.domain;

import dev.userkit.ErrorCode;
import dev.userkit.domain.TextRules.Lines;

/**
 * Optional personal details of a user. Any field may be null. Each field is capped and checked as
 * {@link Limits} and {@link TextRules} say, so a profile that a store could not keep exactly never
 * exists: names are single-line, at most {@link Limits#NAME} code points; the address (at most
 * {@link Limits#ADDRESS}) and the additional information (at most {@link Limits#ADDITIONAL_INFO})
 * are multi-line.
 *
 * <p>Build one with {@link #builder()} and change one with {@link #toBuilder()} rather than with the
 * positional constructor, so that a call names the fields it sets.
 *
 * @param firstName given name
 * @param lastName family name
 * @param address postal address, free text
 * @param additionalInfo anything else, free text
 */
public record Profile(String firstName, String lastName, String address, String additionalInfo) {
    /** A profile with no fields set. */
    public static final Profile EMPTY = builder().build();

    /**
     * Checks every field.
     *
     * @param firstName see {@link #firstName()}
     * @param lastName see {@link #lastName()}
     * @param address see {@link #address()}
     * @param additionalInfo see {@link #additionalInfo()}
     * @throws dev.userkit.UserKitException INVALID_ARGUMENT (1010) for a field over its cap or
     *         holding a character {@link TextRules} refuses for it
     */
    public Profile {
        TextRules.check(firstName, "First name", Limits.NAME, Lines.SINGLE, ErrorCode.INVALID_ARGUMENT);
        TextRules.check(lastName, "Last name", Limits.NAME, Lines.SINGLE, ErrorCode.INVALID_ARGUMENT);
        TextRules.check(address, "Address", Limits.ADDRESS, Lines.MULTI, ErrorCode.INVALID_ARGUMENT);
        TextRules.check(additionalInfo, "Additional info", Limits.ADDITIONAL_INFO, Lines.MULTI, ErrorCode.INVALID_ARGUMENT);
    }

    /**
     * A builder with no field set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every field of this profile, to make a copy that differs in a few.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().firstName(firstName).lastName(lastName).address(address).additionalInfo(additionalInfo);
    }

    /**
     * First and last name joined by a space, skipping missing parts; empty if both are missing (A14).
     *
     * @return the full name, possibly empty
     */
    public String fullName() {
        StringBuilder b = new StringBuilder();
        if (firstName != null && !firstName.isBlank()) b.append(firstName.trim());
        if (lastName != null && !lastName.isBlank()) {
            if (b.length() > 0) b.append(' ');
            b.append(lastName.trim());
        }
        return b.toString();
    }

    /**
     * Mutable builder of a {@link Profile}; each setter returns {@code this}, and {@link #build()}
     * checks the fields as the record's constructor does.
     */
    public static final class Builder {
        private String firstName;
        private String lastName;
        private String address;
        private String additionalInfo;

        private Builder() {}

        /**
         * Sets one field.
         *
         * @param v given name, or null
         * @return this builder
         */
        public Builder firstName(String v) { firstName = v; return this; }

        /**
         * Sets one field.
         *
         * @param v family name, or null
         * @return this builder
         */
        public Builder lastName(String v) { lastName = v; return this; }

        /**
         * Sets one field.
         *
         * @param v postal address, or null
         * @return this builder
         */
        public Builder address(String v) { address = v; return this; }

        /**
         * Sets one field.
         *
         * @param v anything else, or null
         * @return this builder
         */
        public Builder additionalInfo(String v) { additionalInfo = v; return this; }

        /**
         * The profile.
         *
         * @return a new profile with the fields set so far
         * @throws dev.userkit.UserKitException INVALID_ARGUMENT (1010) as the record's constructor
         */
        public Profile build() {
            return new Profile(firstName, lastName, address, additionalInfo);
        }
    }
}
