package dev.userkit.spi;

/** Where an outbox message is in its life (REL-8). */
public enum OutboxState {
    /** Waiting for its next attempt, or held by a sender's lease. */
    PENDING,
    /** Sent; its payload is erased. */
    DELIVERED,
    /** Failed on every attempt; kept with its last error until an administrator retries it or it expires. */
    DEAD
}
