package dev.userkit.delivery;

import dev.userkit.ClientContext;
import dev.userkit.OutboxSettings;
import dev.userkit.UserKitConfig;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.User;
import dev.userkit.events.AfterCommit;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.hooks.LinkBuilder;
import dev.userkit.hooks.RecipientResolver;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.Notification;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Records the messages of the flows in the outbox (REL-8, M2): never a send, only a store write,
 * which the flows make in the unit of work that issued the code. The application's hooks run here,
 * at queueing time: the {@link LinkBuilder} makes the link, the {@link RecipientResolver} picks the
 * recipient. The language is the user's, else the request's, else the configured default. Each
 * record's payload is the encrypted {@link Notification}; the rendering waits for delivery.
 *
 * <p>A request for an unknown address or number queues a decoy (SEC-10, SEC-31): a record of the
 * same kind and size class, encrypted alike, which the sender drops. Its recipient is a constant,
 * never the raw input.
 */
public final class MessageQueue {
    private static final String DECOY_ADDRESS = "nobody@decoy.invalid";
    private static final String DECOY_PHONE = "+10000000000";
    private static final String DECOY_USERNAME = "decoy-username";
    private final OutboxStore store;
    private final PayloadCipher cipher;
    private final Clock clock;
    private final UserKitConfig config;
    private final LinkBuilder links;
    private final RecipientResolver recipients;
    private final boolean canMail;
    private final boolean canText;
    private final Runnable queued;
    private final Instrumentation instrumentation;
    private final AfterCommit afterCommit;

    /**
     * A queue over this store.
     *
     * @param store the outbox, or null when the stores have none (then nothing can be sent)
     * @param cipher encrypts the payloads
     * @param clock the clock
     * @param config code lifetimes and the outbox settings
     * @param links the application's link builder
     * @param recipients the application's recipient resolver
     * @param canMail whether a mailer is configured
     * @param canText whether an SMS sender is configured
     * @param queued told after each record, to wake a running sender
     * @param instrumentation told of each record's kind (W6); decoys alike, so counts tell no account apart
     * @param afterCommit holds {@code queued} and {@code instrumentation} back until the record's unit of work returns
     */
    public MessageQueue(OutboxStore store, PayloadCipher cipher, Clock clock, UserKitConfig config, LinkBuilder links,
                        RecipientResolver recipients, boolean canMail, boolean canText, Runnable queued,
                        Instrumentation instrumentation, AfterCommit afterCommit) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
        this.config = config;
        this.links = links;
        this.recipients = recipients;
        this.canMail = canMail && store != null;
        this.canText = canText && store != null;
        this.queued = queued;
        this.instrumentation = instrumentation;
        this.afterCommit = afterCommit;
    }

    /**
     * Whether mail can be queued: a mailer is configured and the stores have an outbox.
     *
     * @return true if mail goes out
     */
    public boolean canMail() {
        return canMail;
    }

    /**
     * Whether text messages can be queued.
     *
     * @return true if texts go out
     */
    public boolean canText() {
        return canText;
    }

    /**
     * Queues a mail that carries a link code.
     *
     * @param kind VERIFY_EMAIL, CHANGE_EMAIL or PASSWORD_RESET
     * @param purpose the code's purpose (for the link and the payload's lifetime)
     * @param user the account
     * @param address the address it goes to before the resolver's say
     * @param code the code
     * @param client the request, or null
     */
    public void codeMail(MessageKind kind, CodePurpose purpose, User user, String address, String code, ClientContext client) {
        if (!canMail) return;
        Instant expires = clock.instant().plus(config.codeTtl(purpose));
        add(kind, recipients.resolve(address, kind), locale(user, client), user.username().value(), code,
                links.build(purpose, code), expires, false);
    }

    /**
     * Queues a text message with a short code (C6).
     *
     * @param user the account
     * @param phone the number in E.164 form
     * @param code the code
     * @param client the request, or null
     */
    public void codeText(User user, String phone, String code, ClientContext client) {
        if (!canText) return;
        Instant expires = clock.instant().plus(config.codeTtl(CodePurpose.PHONE_RESET));
        add(MessageKind.PASSWORD_RESET_SMS, phone, locale(user, client), user.username().value(), code, null, expires, false);
    }

    /**
     * Queues a mail without a code (a reminder or a notice) to the user's address or another one.
     * Notices that the settings switch off are not queued; the username reminder always is.
     *
     * @param kind the message
     * @param user the account
     * @param address where it goes before the resolver's say
     * @param client the request, or null
     */
    public void notice(MessageKind kind, User user, String address, ClientContext client) {
        if (!canMail || switchedOff(kind)) return;
        add(kind, recipients.resolve(address, kind), locale(user, client), user.username().value(), null, null,
                noticeExpiry(), false);
    }

    /**
     * Queues the unknown-address notice (C2) to an address no account uses.
     *
     * @param address a valid address
     * @param client the request, or null
     */
    public void unknownAddressNotice(String address, ClientContext client) {
        if (!canMail) return;
        MessageKind kind = MessageKind.UNKNOWN_ADDRESS_NOTICE;
        add(kind, recipients.resolve(address, kind), locale(null, client), null, null, null, noticeExpiry(), false);
    }

    /**
     * Queues a decoy in place of a message for an address or number without an account: the same
     * store work, and the link built as for a real code; the sender drops it (SEC-31).
     *
     * @param kind the kind a real message would have
     * @param purpose the purpose of the decoy code, or null when a real message would carry none
     * @param code the decoy code, or null
     * @param client the request, or null
     */
    public void decoy(MessageKind kind, CodePurpose purpose, String code, ClientContext client) {
        if (kind.channel() == MessageKind.Channel.SMS ? !canText : !canMail) return;
        if (switchedOff(kind)) return;
        String link = purpose == null || kind.channel() == MessageKind.Channel.SMS ? null : links.build(purpose, code);
        Instant expires = purpose == null ? noticeExpiry() : clock.instant().plus(config.codeTtl(purpose));
        String to = kind.channel() == MessageKind.Channel.SMS ? DECOY_PHONE : DECOY_ADDRESS;
        add(kind, to, locale(null, client), DECOY_USERNAME, code, link, expires, true);
    }

    private void add(MessageKind kind, String to, Locale locale, String username, String code, String link, Instant expires,
                     boolean decoy) {
        String id = IdGenerator.messageId().toString();
        Notification n = new Notification(id, kind, to, locale, username, code, link, expires);
        byte[] payload = cipher.encrypt(id, NotificationCodec.encode(n, decoy));
        store.add(OutboxRecord.queued(id, kind, payload, clock.instant(), expires));
        // a rolled-back record is neither counted nor worth waking a sender for
        afterCommit.run(() -> {
            queued.run();
            instrumentation.messageQueued(kind);
        });
    }

    private boolean switchedOff(MessageKind kind) {
        return OutboxSettings.SWITCHABLE_NOTICES.contains(kind) && !config.outbox().sends(kind);
    }

    private Instant noticeExpiry() {
        return clock.instant().plus(config.outbox().noticeRetention());
    }

    private Locale locale(User user, ClientContext client) {
        if (user != null && user.locale() != null) return user.locale();
        if (client != null && client.locale() != null) return client.locale();
        return config.outbox().defaultLocale();
    }
}
