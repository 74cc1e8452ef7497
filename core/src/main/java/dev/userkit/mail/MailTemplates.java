package dev.userkit.mail;

import dev.userkit.spi.MessageKind;
import dev.userkit.spi.Notification;
import java.util.Locale;
import java.util.UUID;
import dev.userkit.spi.MailMessage;

/**
 * Subjects and plain-text bodies of the mails core sends (M1). Bodies carry codes or links and
 * are never logged. {@code link} is what the application's {@link dev.userkit.hooks.LinkBuilder} made of the code.
 */
public final class MailTemplates {
    private MailTemplates() {}

    /**
     * Asks the new user to verify the address given at registration.
     *
     * @param to the address
     * @param username the new user's username
     * @param link the text carrying the code
     * @return the message
     */
    public static MailMessage verifyEmail(String to, String username, String link) {
        return message(MessageKind.VERIFY_EMAIL, to, "Please verify your email address",
                "Hello " + username + ",\n\nplease confirm this email address for your new account:\n\n" + link
                        + "\n\nIf you did not sign up, ignore this message.\n");
    }

    /**
     * Sent to the NEW address of an email change (A8).
     *
     * @param to the new address
     * @param username the user's username
     * @param link the text carrying the code
     * @return the message
     */
    public static MailMessage changeEmail(String to, String username, String link) {
        return message(MessageKind.CHANGE_EMAIL, to, "Confirm your new email address",
                "Hello " + username + ",\n\nto make this your account's email address, confirm it here:\n\n" + link
                        + "\n\nIf you did not ask for this change, ignore this message.\n");
    }

    /**
     * A password reset link or code (C2).
     *
     * @param to the address
     * @param username the user's username
     * @param link the text carrying the code
     * @return the message
     */
    public static MailMessage passwordReset(String to, String username, String link) {
        return message(MessageKind.PASSWORD_RESET, to, "Reset your password",
                "Hello " + username + ",\n\nsomeone asked to reset the password of your account. To choose a new one:\n\n"
                        + link + "\n\nIf it was not you, ignore this message: your password stays as it is.\n");
    }

    /**
     * The username, for someone who forgot it (C5).
     *
     * @param to the address
     * @param username the username to remind of
     * @return the message
     */
    public static MailMessage usernameReminder(String to, String username) {
        return message(MessageKind.USERNAME_REMINDER, to, "Your user name",
                "Hello,\n\nthe user name of the account registered with this address is: " + username + "\n");
    }

    /**
     * Tells an address with no account that someone asked to reset its password (C2, optional).
     *
     * @param to the address
     * @return the message
     */
    public static MailMessage unknownAddressNotice(String to) {
        return message(MessageKind.UNKNOWN_ADDRESS_NOTICE, to, "Password reset request",
                "Hello,\n\nsomeone asked to reset the password of an account with this email address, but no account uses it."
                        + "\n\nIf it was you, you may have registered with another address. Otherwise ignore this message.\n");
    }

    // TODO(outbox-merge): replaced by the template renderer
    private static MailMessage message(MessageKind kind, String to, String subject, String body) {
        return new MailMessage(new Notification(UUID.randomUUID().toString(), kind, to, Locale.ENGLISH, null, null, null, null),
                subject, body, body);
    }
}
