package dev.userkit.internal;

import dev.userkit.domain.CodePurpose;
import dev.userkit.spi.MailMessage;
import java.util.function.Function;

/**
 * Sends the mails and texts core produces through the configured ports, after the application's
 * hooks: the {@link dev.userkit.hooks.LinkBuilder} turns a code into a link and the
 * {@link dev.userkit.hooks.RecipientResolver} may redirect a mail. Without a mailer, mail is
 * silently not sent (the services that need one check {@link #canMail()} first).
 */
public final class Notifier {
    private final UserKitContext ctx;

    /**
     * A notifier over the context's ports and hooks.
     *
     * @param ctx the stores, configuration, clock and hooks shared by the services
     */
    public Notifier(UserKitContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Whether a mailer is configured.
     *
     * @return true if mail can be sent
     */
    public boolean canMail() {
        return ctx.mailer() != null;
    }

    /**
     * Whether an SMS sender is configured.
     *
     * @return true if text messages can be sent
     */
    public boolean canText() {
        return ctx.sms() != null;
    }

    /**
     * The text a mail shows for this code.
     *
     * @param purpose what the code is for
     * @param code the code
     * @return the text, as the {@link dev.userkit.hooks.LinkBuilder} makes it
     */
    public String link(CodePurpose purpose, String code) {
        return ctx.links().build(purpose, code);
    }

    /**
     * Sends the mail {@code template} makes for the resolved recipient of {@code address}, if a mailer is configured.
     *
     * @param kind what the message is
     * @param address the address UserKit would send to
     * @param template makes the message for the resolved recipient
     */
    public void mail(MailMessage.Kind kind, String address, Function<String, MailMessage> template) {
        ctx.mailerIfAny().ifPresent(m -> m.send(template.apply(ctx.recipients().resolve(address, kind))));
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
    public void rehearse(MailMessage.Kind kind, String address, Function<String, MailMessage> template) {
        if (canMail()) template.apply(ctx.recipients().resolve(address, kind));
    }

    /**
     * Sends a text message if an SMS sender is configured.
     *
     * @param phone the number in E.164 form
     * @param text the message
     */
    public void text(String phone, String text) {
        ctx.smsIfAny().ifPresent(s -> s.send(phone, text));
    }
}
