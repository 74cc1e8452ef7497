package dev.userkit.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * A rendered mail (M1): the structured {@link Notification} it was made from, with its subject, a
 * plain-text part and an HTML part. The parts carry a one-time code or link: adapters must not
 * log them. Every value that reaches a header (recipient, subject, Message-ID) is free of control
 * characters: the constructor refuses CR, LF and the rest (header injection).
 *
 * @param notification what the message says
 * @param subject the subject line
 * @param text the plain-text part
 * @param html the HTML part
 */
public record MailMessage(Notification notification, String subject, String text, String html) {
    /**
     * Checks required fields and refuses control characters in header values.
     *
     * @param notification see {@link #notification()}
     * @param subject see {@link #subject()}
     * @param text see {@link #text()}
     * @param html see {@link #html()}
     */
    public MailMessage {
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        HeaderValues.require(notification.recipient(), "recipient");
        HeaderValues.require(notification.id(), "id");
        HeaderValues.require(subject, "subject");
    }

    /**
     * The message kind.
     *
     * @return the kind
     */
    public MessageKind kind() { return notification.kind(); }

    /**
     * The recipient address.
     *
     * @return the address
     */
    public String to() { return notification.recipient(); }

    /**
     * The one-time code, or null for a notice.
     *
     * @return the code
     */
    public String code() { return notification.code(); }

    /**
     * The link made of the code, or null.
     *
     * @return the link
     */
    public String link() { return notification.link(); }

    /**
     * The language the message is written in.
     *
     * @return the locale
     */
    public Locale locale() { return notification.locale(); }

    /**
     * The message's identity; the same on every delivery attempt, so a receiver can drop a duplicate.
     *
     * @return the id
     */
    public String id() { return notification.id(); }

    @Override
    public String toString() {
        return "MailMessage[" + kind() + " " + id() + "]";
    }
}
