package dev.userkit.outbox;

import dev.userkit.OutboxSettings;
import dev.userkit.assembly.DaemonScheduler;
import dev.userkit.delivery.OutboxSender;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox (M2, REL-8): every mail and text message UserKit sends waits here until a sender
 * delivers it, outside any request. Run the sender inside the application with {@link #start()}
 * (a daemon thread that polls at the configured interval and is woken as soon as a message is
 * queued) and {@link #stop()}, or call {@link #deliverPending()} from the application's own
 * scheduler. Any number of instances may deliver from one store at once: a message is claimed
 * under a lease before it is sent, so it is never sent by two senders at the same time, and is
 * sent again only if its sender died before recording the delivery (at least once; the mail's
 * Message-ID is the message id, so a receiver can drop the duplicate).
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** How long after a queued message a woken sender looks: long enough for its unit of work to commit. */
    private static final Duration WAKE_DELAY = Duration.ofMillis(20);
    private static final int PURGE_BATCH = 5_000;
    /**
     * The most messages {@link #backlog()} counts: past it the gauge reads this number, which says
     * "far behind" as well as the exact count would, at a bounded cost per scrape.
     */
    public static final int BACKLOG_LIMIT = 100_000;
    private final OutboxStore store;
    private final OutboxSender sender;
    private final OutboxSettings settings;
    private final Clock clock;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final DaemonScheduler scheduler = new DaemonScheduler("userkit-outbox");

    Outbox(OutboxStore store, OutboxSender sender, OutboxSettings settings, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Delivers every message due now, in the calling thread, and returns what happened.
     *
     * @return the counts of delivered, failed and dead messages
     * @throws dev.userkit.StoreException if the store fails
     * @throws IllegalStateException if this kit only queues ({@link dev.userkit.UserKit.Builder#mailSentElsewhere()})
     */
    public DeliveryReport deliverPending() {
        OutboxSender.Tally t = sender().deliverDue(() -> false);
        return new DeliveryReport(t.delivered(), t.failed(), t.dead());
    }

    /**
     * Starts delivering in the background: a daemon thread owned by this kit, polling every
     * {@link OutboxSettings#pollInterval()} and woken when a message is queued. Idempotent.
     *
     * @throws IllegalStateException if this kit only queues ({@link dev.userkit.UserKit.Builder#mailSentElsewhere()})
     */
    public synchronized void start() {
        sender();
        stopping.set(false);
        if (scheduler.start(this::backgroundPass, settings.pollInterval())) {
            LOG.info("UserKit outbox sender started (every {} ms)", settings.pollInterval().toMillis());
        }
    }

    /**
     * Stops the background sender: the message in hand is finished, then the thread ends. Waits up
     * to one lease for it. Idempotent; {@link dev.userkit.UserKit#close()} calls it.
     */
    public void stop() {
        stopping.set(true);
        scheduler.stop(settings.lease());
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Messages that failed for the last time, oldest first, without payload.
     *
     * @param limit at most this many
     * @return the dead messages
     */
    public List<OutboxEntry> dead(int limit) {
        return store.findByState(OutboxState.DEAD, limit).stream().map(OutboxEntry::of).toList();
    }

    /**
     * Messages waiting for delivery, oldest first, without payload.
     *
     * @param limit at most this many
     * @return the pending messages
     */
    public List<OutboxEntry> pending(int limit) {
        return store.findByState(OutboxState.PENDING, limit).stream().map(OutboxEntry::of).toList();
    }

    /**
     * How many messages wait for delivery (PENDING, due or not), counted up to {@link #BACKLOG_LIMIT}:
     * what a metrics gauge reads (W6). One bounded count on the store's state index.
     *
     * @return the backlog, at most {@link #BACKLOG_LIMIT}
     * @throws dev.userkit.StoreException if the store fails
     */
    public int backlog() {
        return store.countPending(BACKLOG_LIMIT);
    }

    /**
     * Queues a dead message again, with its attempts reset, if its payload is still there.
     *
     * @param id the message id
     * @return true if it was re-queued
     */
    public boolean retry(String id) {
        boolean requeued = store.retry(id, clock.instant());
        if (requeued) wake();
        return requeued;
    }

    /**
     * Housekeeping: erases the payload of every message past its expiry (a pending one becomes
     * dead) and deletes delivered rows older than {@link OutboxSettings#deliveredRetention()}.
     *
     * @return how many rows were erased or deleted
     */
    public int purge() {
        Instant now = clock.instant();
        Instant deliveredBefore = now.minus(settings.deliveredRetention());
        int total = 0;
        int touched;
        do {
            touched = store.purge(now, deliveredBefore, PURGE_BATCH);
            total += touched;
        } while (touched > 0);
        return total;
    }

    private OutboxSender sender() {
        if (sender == null) {
            throw new IllegalStateException("this kit only queues messages (mailSentElsewhere): another process over its store delivers them");
        }
        return sender;
    }

    /** Called when a message was queued: a started sender looks a moment later (coalesced). */
    void wake() {
        if (!wakePending.compareAndSet(false, true)) return;
        boolean scheduled = scheduler.once(() -> {
            wakePending.set(false);
            backgroundPass();
        }, WAKE_DELAY);
        if (!scheduled) wakePending.set(false);
    }

    private void backgroundPass() {
        try {
            sender.deliverDue(stopping::get);
        } catch (RuntimeException e) {
            // the store may be down for a while: the next poll tries again
            LOG.warn("UserKit outbox pass failed: {}", e.toString());
        }
    }
}
