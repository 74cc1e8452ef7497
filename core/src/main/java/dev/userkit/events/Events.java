package dev.userkit.events;

import dev.userkit.ClientContext;
import dev.userkit.domain.UserId;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.hooks.UserKitListener;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers audit events (H3) to the listeners; a failing listener is logged and never undoes the operation. */
public final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);
    private final List<UserKitListener> listeners;
    private final Clock clock;

    /**
     * Events for these listeners, stamped by this clock.
     *
     * @param listeners who hears every event
     * @param clock the clock events are stamped with
     */
    public Events(List<UserKitListener> listeners, Clock clock) {
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    /**
     * Emits one event. {@code details} must never hold a secret (SEC-24).
     *
     * @param type what happened
     * @param user the user concerned, or null
     * @param client the caller, or null; its address goes into the event
     * @param details extra facts, or null
     */
    public void emit(UserKitEvent.Type type, UserId user, ClientContext client, Map<String, String> details) {
        if (listeners.isEmpty()) return;
        UserKitEvent event = new UserKitEvent(type, clock.instant(), user, client == null ? null : client.address(), details);
        for (UserKitListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("UserKit listener failed on {}", type, e);
            }
        }
    }

    /**
     * Emits an event with no details.
     *
     * @param type what happened
     * @param user the user concerned, or null
     * @param client the caller, or null; its address goes into the event
     */
    public void emit(UserKitEvent.Type type, UserId user, ClientContext client) {
        emit(type, user, client, Map.of());
    }
}
