package dev.userkit.spi;

import java.util.Objects;

/**
 * A mail core wants sent. The body may carry a one-time code or link: adapters must not log it.
 *
 * @param kind which message this is (for templates and tests)
 * @param to the recipient address
 * @param subject the subject line
 * @param body the plain-text body
 */
public record MailMessage(Kind kind, String to, String subject, String body) {
    /** The messages core sends (M1). */
    public enum Kind {
        /** The code that verifies a new account's address (A1, A15). */
        VERIFY_EMAIL,
        /** The code that confirms a new address (A8). */
        CHANGE_EMAIL,
        /** A password-reset code (C2). */
        PASSWORD_RESET,
        /** The username, to the address that asked (C5). */
        USERNAME_REMINDER,
        /** To an address with no account that asked for a reset (C2). */
        UNKNOWN_ADDRESS_NOTICE
    }

    /**
     * Checks required fields.
     *
     * @param kind see {@link #kind()}
     * @param to see {@link #to()}
     * @param subject see {@link #subject()}
     * @param body see {@link #body()}
     */
    public MailMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "MailMessage[" + kind + " to " + to + "]";
    }
}
