package dev.userkit.domain;

/**
 * Optional personal details of a user. Any field may be null.
 *
 * @param firstName given name
 * @param lastName family name
 * @param address postal address, free text
 * @param additionalInfo anything else, free text
 */
public record Profile(String firstName, String lastName, String address, String additionalInfo) {
    /** A profile with no fields set. */
    public static final Profile EMPTY = new Profile(null, null, null, null);

    /** First and last name joined by a space, skipping missing parts; empty if both are missing (A14). */
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
