package dev.userkit.hooks;

import dev.userkit.spi.MessageKind;

/**
 * What the services report for metrics (W6): counts of what happened and how long the hot
 * operations took, never who did it. No method takes a username, id, email, address, phone number
 * or token; every argument comes from a closed enum, a boolean or a duration, so a metrics backend
 * gets bounded cardinality and nothing personal. Install one with
 * {@link dev.userkit.UserKit.Builder#instrumentation(Instrumentation)} or, with Guice,
 * {@code OptionalBinder.newOptionalBinder(binder(), Instrumentation.class).setBinding().toInstance(...)};
 * {@code userkit-micrometer}'s {@code UserKitMetrics} is one.
 *
 * <p>Every method is a no-op by default, so an implementation overrides what it needs. The
 * services call them synchronously, each once at the place its outcome is decided, so they must be
 * cheap and thread-safe; durations are {@link System#nanoTime()} differences (elapsed time, not the
 * domain clock). An exception thrown here is logged (once per exception type) and never fails or
 * undoes the operation. Decoy messages (SEC-10, SEC-31) are reported like real ones, so the counts
 * do not tell an existing account from a missing one either.
 */
public interface Instrumentation {
    /** Reports nothing: the default of every kit. */
    Instrumentation NONE = new Instrumentation() {};

    /** An account was registered (A1). */
    default void registered() {}

    /**
     * A login finished (S1), successfully or not.
     *
     * @param outcome how it ended
     * @param nanos how long it took, in nanoseconds
     */
    default void loginFinished(LoginOutcome outcome, long nanos) {}

    /** An attempt counter passed its limit: its first refused attempt starts a lockout (SEC-09, SEC-28). */
    default void lockedOut() {}

    /**
     * A password reset was requested and answered normally (C2, C6): for an unknown identifier too,
     * which gets a decoy (SEC-10).
     *
     * @param channel the channel of the request
     */
    default void resetRequested(ResetChannel channel) {}

    /**
     * A password was reset with a code (C3, C4, C7).
     *
     * @param channel the channel the code came by
     */
    default void resetCompleted(ResetChannel channel) {}

    /**
     * A message (mail or text) was recorded in the outbox (M2).
     *
     * @param kind what the message is
     */
    default void messageQueued(MessageKind kind) {}

    /**
     * A sender delivered a message from the outbox (a decoy is marked delivered without a send).
     *
     * @param kind what the message is
     */
    default void messageDelivered(MessageKind kind) {}

    /**
     * A message failed for the last time, or could not be read, and is DEAD now.
     *
     * @param kind what the message is
     */
    default void messageDead(MessageKind kind) {}

    /**
     * A session token was validated (S3), with either result.
     *
     * @param valid whether the token named a live session
     * @param nanos how long it took, in nanoseconds
     */
    default void validated(boolean valid, long nanos) {}

    /**
     * An authorisation decision was made (R4).
     *
     * @param allowed whether the request was allowed
     * @param nanos how long it took, in nanoseconds
     */
    default void authorized(boolean allowed, long nanos) {}
}
