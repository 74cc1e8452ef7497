package dev.userkit.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox (REL-8): messages recorded in the unit of work that made their code, delivered later
 * by senders that may run on several instances at once. Each method is atomic by itself; the
 * lease makes a claim exclusive until it lapses, so a message is never sent by two senders at
 * once, and a sender that dies mid-send only delays its messages until the lease lapses.
 */
public interface OutboxStore {
    /**
     * Records a new message. Inside a {@link UnitOfWork} it commits or rolls back with the unit.
     *
     * @param record the message, as {@link OutboxRecord#queued} makes it
     * @throws DuplicateKeyException if a message with this id exists
     */
    void add(OutboxRecord record);

    /**
     * Messages a sender may claim now: PENDING, {@code nextAttemptAt <= now}, and no lease or a
     * lease that lapsed before {@code now}; oldest {@code nextAttemptAt} first.
     *
     * @param now the current time
     * @param limit at most this many
     * @return the candidates (a claim may still lose them to another sender)
     */
    List<OutboxRecord> due(Instant now, int limit);

    /**
     * Claims one message for {@code owner} until {@code leaseUntil}, and counts the attempt: in one
     * atomic step, only if it is still PENDING, due, and unleased or its lease lapsed before
     * {@code now}. Of two concurrent claims, exactly one succeeds.
     *
     * @param id the message
     * @param owner the claiming sender's identity
     * @param now the current time
     * @param leaseUntil when the claim lapses
     * @return the claimed message (attempts incremented, lease set), or empty if another sender has it or it is not due
     */
    Optional<OutboxRecord> claim(String id, String owner, Instant now, Instant leaseUntil);

    /**
     * Marks a claimed message delivered and erases its payload, only if {@code owner} still holds it.
     *
     * @param id the message
     * @param owner the sender that claimed it
     * @param at the current time
     * @return true if it was marked
     */
    boolean delivered(String id, String owner, Instant at);

    /**
     * Records a failed attempt on a claimed message and releases its lease, only if {@code owner}
     * still holds it: PENDING again from {@code nextAttemptAt}, or DEAD when {@code dead}.
     *
     * @param id the message
     * @param owner the sender that claimed it
     * @param error what went wrong (no code, no body)
     * @param nextAttemptAt when it may be claimed again (ignored when dead)
     * @param dead whether this was the last attempt
     * @return true if it was recorded
     */
    boolean failed(String id, String owner, String error, Instant nextAttemptAt, boolean dead);

    /**
     * One message, with or without its payload.
     *
     * @param id the message
     * @return the message, or empty
     */
    Optional<OutboxRecord> findById(String id);

    /**
     * Messages in one state, oldest first.
     *
     * @param state the state
     * @param limit at most this many
     * @return the messages
     */
    List<OutboxRecord> findByState(OutboxState state, int limit);

    /**
     * How many messages are PENDING (waiting for an attempt or held by a lease), counting no further
     * than {@code limit}: the outbox backlog a metrics gauge reads (W6). Cheap at any size: served by
     * the state index and stopped at the limit, never a scan of the table.
     *
     * @param limit the most messages to count
     * @return the number of PENDING messages, or {@code limit} when there are at least that many
     */
    int countPending(int limit);

    /**
     * Makes a DEAD message PENDING again with no attempts counted, due at {@code now}, only if its
     * payload is still there.
     *
     * @param id the message
     * @param now the current time
     * @return true if it was re-queued
     */
    boolean retry(String id, Instant now);

    /**
     * Housekeeping in bounded batches: erases the payload of every message whose
     * {@code expiresAt} passed (a PENDING one becomes DEAD with error "expired"), and deletes
     * DELIVERED messages delivered before {@code deliveredBefore}.
     *
     * @param now the current time
     * @param deliveredBefore delivered messages older than this go
     * @param limit at most this many rows touched per kind of work
     * @return how many rows were erased or deleted
     */
    int purge(Instant now, Instant deliveredBefore, int limit);

    /**
     * Deletes up to {@code limit} DEAD messages created before {@code createdBefore} and returns how
     * many; messages in any other state stay.
     *
     * @param createdBefore dead messages queued before this go
     * @param limit the most messages to delete in this call
     * @return how many messages were deleted
     */
    int deleteDead(Instant createdBefore, int limit);
}
