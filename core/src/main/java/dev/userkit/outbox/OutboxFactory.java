package dev.userkit.outbox;

import dev.userkit.OutboxSettings;
import dev.userkit.delivery.OutboxSender;
import dev.userkit.spi.OutboxStore;
import java.time.Clock;

/** Builds the {@link Outbox} of one kit; only {@code UserKit} calls it. */
public final class OutboxFactory {
    private OutboxFactory() {}

    /**
     * The outbox service over a store and a sender.
     *
     * @param store the outbox store
     * @param sender the delivering sender, or null when another process delivers this kit's messages
     * @param settings the outbox settings
     * @param clock the clock
     * @return the service
     */
    public static Outbox outbox(OutboxStore store, OutboxSender sender, OutboxSettings settings, Clock clock) {
        return new Outbox(store, sender, settings, clock);
    }

    /**
     * Wakes a started sender of {@code outbox}: a message was just queued.
     *
     * @param outbox the outbox
     */
    public static void wake(Outbox outbox) {
        outbox.wake();
    }
}
