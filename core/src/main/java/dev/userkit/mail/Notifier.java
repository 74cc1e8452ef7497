package dev.userkit.mail;

import dev.userkit.spi.MessageKind;
import dev.userkit.domain.CodePurpose;
import dev.userkit.hooks.LinkBuilder;
import dev.userkit.hooks.RecipientResolver;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.Mailer;
import dev.userkit.spi.SmsSender;
import java.util.function.Function;

/**
 * Sends the mails and texts core produces through the configured ports, after the application's
 * hooks: the {@link dev.userkit.hooks.LinkBuilder} turns a code into a link and the
 * {@link dev.userkit.hooks.RecipientResolver} may redirect a mail. Without a mailer, mail is
 * silently not sent (the services that need one check {@link #canMail()} first).
 */
public final class Notifier {
    private final Mailer mailer;
    private final SmsSender sms;
    private final LinkBuilder links;
    private final RecipientResolver recipients;

    /**
     * A notifier over these ports (each may be null: not configured) and hooks.
     *
     * @param mailer the mail port, or null when no mailer is configured
     * @param sms the SMS port, or null when no SMS sender is configured
     * @param links the hook turning a code into the text a mail shows
     * @param recipients the hook that may redirect a mail to another address
     */
    public Notifier(Mailer mailer, SmsSender sms, LinkBuilder links, RecipientResolver recipients) {
        this.mailer = mailer;
        this.sms = sms;
        this.links = links;
        this.recipients = recipients;
    }

    /**
     * Whether a mailer is configured.
     *
     * @return true if mail can be sent
     */
    public boolean canMail() {
        return mailer != null;
    }

    /**
     * Whether an SMS sender is configured.
     *
     * @return true if text messages can be sent
     */
    public boolean canText() {
        return sms != null;
    }

    /**
     * The text a mail shows for this code.
     *
     * @param purpose what the code is for
     * @param code the code
     * @return the text, as the {@link dev.userkit.hooks.LinkBuilder} makes it
     */
    public String link(CodePurpose purpose, String code) {
        return links.build(purpose, code);
    }

    /**
     * Sends the mail {@code template} makes for the resolved recipient of {@code address}, if a mailer is configured.
     *
     * @param kind what the message is
     * @param address the address UserKit would send to
     * @param template makes the message for the resolved recipient
     */
    public void mail(MessageKind kind, String address, Function<String, MailMessage> template) {
        if (canMail()) mailer.send(template.apply(recipients.resolve(address, kind)));
    }

    /**
     * Resolves the recipient and renders the mail as {@link #mail} would, then drops it (SEC-31): a
     * request for an unknown address does the work of a real one up to the mailer, so its timing
     * does not tell the two apart. Delivery itself is the one step a real request adds.
     *
     * @param kind what the message would be
     * @param address the address asked for
     * @param template makes the message for the resolved recipient
     */
    public void rehearse(MessageKind kind, String address, Function<String, MailMessage> template) {
        if (!canMail()) return;
        try {
            template.apply(recipients.resolve(address, kind));
        } catch (IllegalArgumentException refused) {
            // TODO(outbox-merge): the decoy record replaces this; input no account can have is refused as a header value
        }
    }

    /**
     * Sends a text message if an SMS sender is configured.
     *
     * @param phone the number in E.164 form
     * @param text the message
     */
    public void text(String phone, String text) {
        // TODO(outbox-merge): the outbox and the renderer replace this
        if (canText()) sms.send(new dev.userkit.spi.SmsMessage(new dev.userkit.spi.Notification(java.util.UUID.randomUUID().toString(),
                dev.userkit.spi.MessageKind.PASSWORD_RESET_SMS, phone, java.util.Locale.ENGLISH, null, null, null, null), text));
    }
}
