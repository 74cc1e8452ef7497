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
     * @param sender the delivering sender
     * @param settings the outbox settings
     * @param clock the clock
     * @return the service
     */
    public static Outbox outbox(OutboxStore store, OutboxSender sender, OutboxSettings settings, Clock clock) {
        return new Outbox(store, sender, settings, clock);
    }

    /**
     * An always-empty outbox store, for stores that have none yet.
     * TODO(outbox-merge): removed once {@link dev.userkit.spi.Stores#outbox()} is required.
     *
     * @return the empty store
     */
    public static OutboxStore none() {
        return new NoOutboxStore();
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
