package dev.userkit.domain;

/** What a one-time code may be used for; a code of one purpose never works for another (SEC-15). */
public enum CodePurpose {
    /** Verify the email given at registration. */
    EMAIL_VERIFY,
    /** Confirm a new email address (the code goes to the new address). */
    EMAIL_CHANGE,
    /** Reset the password through a link or code sent by email. */
    PASSWORD_RESET,
    /** Reset the password through a short code sent by SMS. */
    PHONE_RESET,
    /** Reserved for a username reminder confirmation. */
    USERNAME_REMINDER
}
