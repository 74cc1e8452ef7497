package dev.userkit.testkit;

import dev.userkit.hooks.UserKitEvent;
import dev.userkit.hooks.UserKitListener;
import java.util.ArrayList;
import java.util.List;

/** A listener that keeps every audit event (H3), for service tests. Thread-safe. */
public final class RecordingListener implements UserKitListener {
    private final List<UserKitEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(UserKitEvent event) {
        events.add(event);
    }

    /**
     * Every event so far, oldest first.
     *
     * @return a copy of the recorded events
     */
    public synchronized List<UserKitEvent> events() {
        return List.copyOf(events);
    }

    /**
     * The events of one type, oldest first.
     *
     * @param type the event type
     * @return the events of that type
     */
    public synchronized List<UserKitEvent> ofType(UserKitEvent.Type type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }
}
