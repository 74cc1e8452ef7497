package dev.userkit.hooks;

/**
 * Hears audit events (H3) and successful resets (H2). Listeners run synchronously after the
 * operation has succeeded; an exception from a listener is logged and does not undo the operation.
 */
@FunctionalInterface
public interface UserKitListener {
    /**
     * Receives one event.
     *
     * @param event the event
     */
    void onEvent(UserKitEvent event);
}
