package dev.userkit.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One message in the outbox, as a store keeps it (REL-8). The payload is the
 * {@link Notification}, encrypted by core under the key ring (SEC-12, SEC-26): a store only ever
 * sees ciphertext, and the columns beside it carry no recipient, code or link.
 *
 * @param id the message id (unique; the store refuses a second record with it)
 * @param kind what the message is (not secret: it lets an administrator see what is stuck)
 * @param state where the message is in its life
 * @param attempts how many times a sender has claimed it
 * @param createdAt when it was queued
 * @param nextAttemptAt when a sender may next claim it; for a DELIVERED message, when it was delivered
 * @param leaseOwner the sender holding it, or null
 * @param leaseUntil when that hold lapses, or null
 * @param lastError the last delivery error (never a code or body), or null
 * @param payload the encrypted notification, or null once erased
 * @param expiresAt when the payload must be erased at the latest (the code's expiry, or a notice's retention)
 */
public record OutboxRecord(String id, MessageKind kind, OutboxState state, int attempts, Instant createdAt,
                           Instant nextAttemptAt, String leaseOwner, Instant leaseUntil, String lastError,
                           byte[] payload, Instant expiresAt) {
    /**
     * Checks required fields.
     *
     * @param id see {@link #id()}
     * @param kind see {@link #kind()}
     * @param state see {@link #state()}
     * @param attempts see {@link #attempts()}
     * @param createdAt see {@link #createdAt()}
     * @param nextAttemptAt see {@link #nextAttemptAt()}
     * @param leaseOwner see {@link #leaseOwner()}
     * @param leaseUntil see {@link #leaseUntil()}
     * @param lastError see {@link #lastError()}
     * @param payload see {@link #payload()}
     * @param expiresAt see {@link #expiresAt()}
     */
    public OutboxRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        payload = payload == null ? null : payload.clone();
    }

    /**
     * A new message, pending, never attempted, due at once.
     *
     * @param id the message id
     * @param kind the message kind
     * @param payload the encrypted notification
     * @param createdAt now
     * @param expiresAt when the payload must be gone at the latest
     * @return the record
     */
    public static OutboxRecord queued(String id, MessageKind kind, byte[] payload, Instant createdAt, Instant expiresAt) {
        return new OutboxRecord(id, kind, OutboxState.PENDING, 0, createdAt, createdAt, null, null, null,
                Objects.requireNonNull(payload, "payload"), expiresAt);
    }

    /**
     * The encrypted payload (a copy), or null once erased.
     *
     * @return the payload
     */
    @Override
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxRecord r && r.id.equals(id) && r.kind == kind && r.state == state && r.attempts == attempts
                && r.createdAt.equals(createdAt) && r.nextAttemptAt.equals(nextAttemptAt)
                && Objects.equals(r.leaseOwner, leaseOwner) && Objects.equals(r.leaseUntil, leaseUntil)
                && Objects.equals(r.lastError, lastError) && java.util.Arrays.equals(r.payload, payload)
                && r.expiresAt.equals(expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state, attempts);
    }

    @Override
    public String toString() {
        return "OutboxRecord[" + id + " " + kind + " " + state + " attempts=" + attempts + "]";
    }
}
