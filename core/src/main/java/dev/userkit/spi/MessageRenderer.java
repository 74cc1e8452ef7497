package dev.userkit.spi;

/**
 * Turns a {@link Notification} into the message a person reads, in the notification's locale (M1).
 * The outbox calls it at delivery time, so a changed template applies to messages already queued.
 * The default renders the shipped templates and bundles; an application may replace it or
 * override single templates.
 */
public interface MessageRenderer {
    /**
     * Renders a mail.
     *
     * @param notification a notification on the {@link MessageKind.Channel#EMAIL} channel
     * @return the subject and both parts
     */
    MailMessage mail(Notification notification);

    /**
     * Renders a text message.
     *
     * @param notification a notification on the {@link MessageKind.Channel#SMS} channel
     * @return the text
     */
    SmsMessage sms(Notification notification);
}
