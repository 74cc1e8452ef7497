package dev.userkit.spi;

import java.util.Objects;

/**
 * A rendered text message (C6): the {@link Notification} it was made from and its text. The text
 * carries a code: adapters must not log it.
 *
 * @param notification what the message says
 * @param text the text
 */
public record SmsMessage(Notification notification, String text) {
    /**
     * Checks required fields.
     *
     * @param notification see {@link #notification()}
     * @param text see {@link #text()}
     */
    public SmsMessage {
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(text, "text");
        HeaderValues.require(notification.recipient(), "recipient");
    }

    /**
     * The E.164 number it goes to.
     *
     * @return the number
     */
    public String to() { return notification.recipient(); }

    /**
     * The code it carries.
     *
     * @return the code, or null
     */
    public String code() { return notification.code(); }

    @Override
    public String toString() {
        return "SmsMessage[" + notification.kind() + " " + notification.id() + "]";
    }
}
