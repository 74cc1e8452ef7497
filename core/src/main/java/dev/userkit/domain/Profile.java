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
 * @param firstName given name
 * @param lastName family name
 * @param address postal address, free text
 * @param additionalInfo anything else, free text
 */
public record Profile(String firstName, String lastName, String address, String additionalInfo) {
    /** A profile with no fields set. */
    public static final Profile EMPTY = new Profile(null, null, null, null);

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
}
