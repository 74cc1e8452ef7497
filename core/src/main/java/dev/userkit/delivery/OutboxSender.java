package dev.userkit.delivery;

import dev.userkit.OutboxSettings;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.spi.Mailer;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.MessageRenderer;
import dev.userkit.spi.Notification;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxStore;
import dev.userkit.spi.SmsSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox messages (REL-8): claims each under a lease in this sender's name, decrypts,
 * renders it for its channel, hands it to the {@link Mailer} or {@link SmsSender}, and records the
 * outcome. At least once: a sender that dies after the send and before recording it lets the lease
 * lapse, and another sender sends again with the same Message-ID. A failure waits an exponentially
 * growing delay with jitter; the attempt that reaches the configured maximum makes the message DEAD
 * with its last error (the exception's class and message, never a body). A payload that does not
 * decrypt is DEAD at once; a decoy is marked delivered without a send.
 */
public final class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** Longest error text kept: enough for a class and an SMTP reply. */
    private static final int ERROR_CHARS = 500;
    /** Passes stop after this many batches, so a pass always ends even under a steady flow. */
    private static final int MAX_BATCHES = 100;
    private final OutboxStore store;
    private final PayloadCipher cipher;
    private final MessageRenderer renderer;
    private final Mailer mailer;
    private final SmsSender sms;
    private final Clock clock;
    private final OutboxSettings settings;
    private final Instrumentation instrumentation;
    private final String owner = "sender-" + UUID.randomUUID();

    /**
     * A sender with its own random identity, so several of them share one store safely.
     *
     * @param store the outbox
     * @param cipher decrypts the payloads
     * @param renderer renders the notifications
     * @param mailer the mail port, or null
     * @param sms the SMS port, or null
     * @param clock the clock
     * @param settings attempts, back-off, lease and batch size
     * @param instrumentation told of each message delivered or dead (W6)
     */
    public OutboxSender(OutboxStore store, PayloadCipher cipher, MessageRenderer renderer, Mailer mailer, SmsSender sms,
                        Clock clock, OutboxSettings settings, Instrumentation instrumentation) {
        this.store = store;
        this.cipher = cipher;
        this.renderer = renderer;
        this.mailer = mailer;
        this.sms = sms;
        this.clock = clock;
        this.settings = settings;
        this.instrumentation = instrumentation;
    }

    /** What one pass did. */
    public record Tally(int delivered, int failed, int dead) {}

    /**
     * One pass: delivers what is due now, batch after batch, until nothing is due or
     * {@code stopping} says so (checked between messages, so the message in hand is finished).
     *
     * @param stopping whether to stop before the next message
     * @return the counts of this pass
     */
    public Tally deliverDue(BooleanSupplier stopping) {
        int delivered = 0;
        int failed = 0;
        int dead = 0;
        for (int batch = 0; batch < MAX_BATCHES && !stopping.getAsBoolean(); batch++) {
            List<OutboxRecord> due = store.due(clock.instant(), settings.batchSize());
            if (due.isEmpty()) break;
            for (OutboxRecord candidate : due) {
                if (stopping.getAsBoolean()) break;
                Instant now = clock.instant();
                OutboxRecord claimed = store.claim(candidate.id(), owner, now, now.plus(settings.lease())).orElse(null);
                if (claimed == null) continue;
                switch (deliver(claimed)) {
                    case DELIVERED -> {
                        delivered++;
                        instrumentation.messageDelivered(claimed.kind());
                    }
                    case FAILED -> failed++;
                    case DEAD -> {
                        dead++;
                        instrumentation.messageDead(claimed.kind());
                    }
                }
            }
        }
        return new Tally(delivered, failed, dead);
    }

    private enum Outcome { DELIVERED, FAILED, DEAD }

    private Outcome deliver(OutboxRecord r) {
        NotificationCodec.Decoded decoded;
        try {
            decoded = NotificationCodec.decode(cipher.decrypt(r.id(), r.payload()));
        } catch (RuntimeException unreadable) {
            LOG.warn("Outbox message {} ({}) is dead: {}", r.id(), r.kind(), unreadable.getMessage());
            store.failed(r.id(), owner, error(unreadable), clock.instant(), true);
            return Outcome.DEAD;
        }
        try {
            if (!decoded.decoy()) send(decoded.notification());
        } catch (RuntimeException e) {
            return failed(r, e);
        }
        if (!store.delivered(r.id(), owner, clock.instant())) {
            LOG.warn("Outbox message {} was sent after its lease lapsed; another sender may send it again", r.id());
        }
        return Outcome.DELIVERED;
    }

    private void send(Notification n) {
        if (n.kind().channel() == MessageKind.Channel.SMS) {
            if (sms == null) throw new IllegalStateException("no SMS sender is configured");
            sms.send(renderer.sms(n));
        } else {
            if (mailer == null) throw new IllegalStateException("no mailer is configured");
            mailer.send(renderer.mail(n));
        }
    }

    private Outcome failed(OutboxRecord r, RuntimeException e) {
        boolean dead = r.attempts() >= settings.maxAttempts();
        Instant now = clock.instant();
        store.failed(r.id(), owner, error(e), now.plus(backoff(r.attempts())), dead);
        LOG.warn("Outbox message {} ({}) attempt {} of {} failed{}: {}", r.id(), r.kind(), r.attempts(), settings.maxAttempts(),
                dead ? ", now dead" : "", e.getClass().getName());
        return dead ? Outcome.DEAD : Outcome.FAILED;
    }

    /** Exponential from the first delay, capped, with jitter over the upper half so that senders spread out. */
    private Duration backoff(int attempts) {
        long first = settings.firstRetryDelay().toMillis();
        long cap = settings.maxRetryDelay().toMillis();
        long delay = first << Math.min(Math.max(attempts - 1, 0), 30);
        if (delay <= 0 || delay > cap) delay = cap;
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }

    // an exception's class and message: what an operator needs, and never a rendered body
    private static String error(RuntimeException e) {
        String text = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        text = text.replaceAll("\\p{Cntrl}", " ");
        return text.length() <= ERROR_CHARS ? text : text.substring(0, ERROR_CHARS);
    }
}
