package dev.userkit.outbox;

import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox of stores that have none yet: always empty, and refusing a record (the queue never
 * offers one, as it cannot mail without a store).
 * TODO(outbox-merge): removed once {@link dev.userkit.spi.Stores#outbox()} is required.
 */
final class NoOutboxStore implements OutboxStore {
    @Override public void add(OutboxRecord record) { throw new IllegalStateException("these stores have no outbox"); }
    @Override public List<OutboxRecord> due(Instant now, int limit) { return List.of(); }
    @Override public Optional<OutboxRecord> claim(String id, String owner, Instant now, Instant leaseUntil) { return Optional.empty(); }
    @Override public boolean delivered(String id, String owner, Instant at) { return false; }
    @Override public boolean failed(String id, String owner, String error, Instant nextAttemptAt, boolean dead) { return false; }
    @Override public Optional<OutboxRecord> findById(String id) { return Optional.empty(); }
    @Override public List<OutboxRecord> findByState(OutboxState state, int limit) { return List.of(); }
    @Override public boolean retry(String id, Instant now) { return false; }
    @Override public int purge(Instant now, Instant deliveredBefore, int limit) { return 0; }
}
