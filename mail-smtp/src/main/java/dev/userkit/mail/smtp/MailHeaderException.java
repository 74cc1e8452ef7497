package dev.userkit.mail.smtp;

/**
 * A value that would reach a mail header or an SMTP command (a recipient, the subject, the sender
 * and its display name, the Message-ID, the host or the login) holds CR, LF or another control
 * character, or is not the single address it must be. Thrown before any byte is sent: such a value
 * could add headers or recipients (header injection) or smuggle SMTP commands. It is a fault of the
 * value, not of the server, so sending the same message again fails the same way.
 */
public final class MailHeaderException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MailHeaderException(String message) {
        super(message);
    }

    MailHeaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
