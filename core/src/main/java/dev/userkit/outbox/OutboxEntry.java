package dev.userkit.outbox;

import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import java.time.Instant;

/**
 * What an administrator sees of one outbox message: never its payload, recipient or code.
 *
 * @param id the message id (also its Message-ID)
 * @param kind what the message is
 * @param state PENDING, DELIVERED or DEAD
 * @param attempts delivery attempts so far
 * @param lastError the last attempt's error, or null
 * @param createdAt when it was queued
 */
public record OutboxEntry(String id, MessageKind kind, OutboxState state, int attempts, String lastError, Instant createdAt) {
    static OutboxEntry of(OutboxRecord r) {
        return new OutboxEntry(r.id(), r.kind(), r.state(), r.attempts(), r.lastError(), r.createdAt());
    }
}
