package dev.userkit.memory;

import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

final class InMemoryOutboxStore implements OutboxStore {
    private static final Comparator<OutboxRecord> BY_DUE = Comparator.comparing(OutboxRecord::nextAttemptAt)
            .thenComparing(OutboxRecord::id);
    private static final Comparator<OutboxRecord> BY_AGE = Comparator.comparing(OutboxRecord::createdAt)
            .thenComparing(OutboxRecord::id);

    private final Map<String, OutboxRecord> byId = new HashMap<>();

    @Override
    public synchronized void add(OutboxRecord record) {
        if (byId.putIfAbsent(record.id(), record) != null) throw new DuplicateKeyException("outbox");
    }

    @Override
    public synchronized List<OutboxRecord> due(Instant now, int limit) {
        return select(r -> claimable(r, now), BY_DUE, limit);
    }

    @Override
    public synchronized Optional<OutboxRecord> claim(String id, String owner, Instant now, Instant leaseUntil) {
        OutboxRecord r = byId.get(id);
        if (r == null || !claimable(r, now)) return Optional.empty();
        OutboxRecord claimed = new OutboxRecord(r.id(), r.kind(), OutboxState.PENDING, r.attempts() + 1, r.createdAt(),
                r.nextAttemptAt(), owner, leaseUntil, r.lastError(), r.payload(), r.expiresAt());
        byId.put(id, claimed);
        return Optional.of(claimed);
    }

    @Override
    public synchronized boolean delivered(String id, String owner, Instant at) {
        OutboxRecord r = held(id, owner);
        if (r == null) return false;
        byId.put(id, new OutboxRecord(r.id(), r.kind(), OutboxState.DELIVERED, r.attempts(), r.createdAt(), at,
                null, null, r.lastError(), null, r.expiresAt()));
        return true;
    }

    @Override
    public synchronized boolean failed(String id, String owner, String error, Instant nextAttemptAt, boolean dead) {
        OutboxRecord r = held(id, owner);
        if (r == null) return false;
        byId.put(id, new OutboxRecord(r.id(), r.kind(), dead ? OutboxState.DEAD : OutboxState.PENDING, r.attempts(),
                r.createdAt(), dead ? r.nextAttemptAt() : nextAttemptAt, null, null, error, r.payload(), r.expiresAt()));
        return true;
    }

    @Override
    public synchronized Optional<OutboxRecord> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<OutboxRecord> findByState(OutboxState state, int limit) {
        return select(r -> r.state() == state, BY_AGE, limit);
    }

    @Override
    public synchronized int countPending(int limit) {
        return (int) byId.values().stream().filter(r -> r.state() == OutboxState.PENDING).limit(Math.max(limit, 0)).count();
    }

    @Override
    public synchronized boolean retry(String id, Instant now) {
        OutboxRecord r = byId.get(id);
        if (r == null || r.state() != OutboxState.DEAD || r.payload() == null) return false;
        byId.put(id, new OutboxRecord(r.id(), r.kind(), OutboxState.PENDING, 0, r.createdAt(), now, null, null,
                r.lastError(), r.payload(), r.expiresAt()));
        return true;
    }

    @Override
    public synchronized int purge(Instant now, Instant deliveredBefore, int limit) {
        List<OutboxRecord> expired = select(r -> r.payload() != null && !r.expiresAt().isAfter(now),
                Comparator.comparing(OutboxRecord::expiresAt), limit);
        for (OutboxRecord r : expired) byId.put(r.id(), erased(r));
        List<OutboxRecord> old = select(r -> r.state() == OutboxState.DELIVERED && r.nextAttemptAt().isBefore(deliveredBefore),
                BY_DUE, limit);
        old.forEach(r -> byId.remove(r.id()));
        return expired.size() + old.size();
    }

    @Override
    public synchronized int deleteDead(Instant createdBefore, int limit) {
        List<OutboxRecord> old = select(r -> r.state() == OutboxState.DEAD && r.createdAt().isBefore(createdBefore),
                Comparator.comparing(OutboxRecord::createdAt), limit);
        old.forEach(r -> byId.remove(r.id()));
        return old.size();
    }

    // An expired payload is gone for good: a pending message can no longer be sent, so it ends dead.
    private static OutboxRecord erased(OutboxRecord r) {
        boolean pending = r.state() == OutboxState.PENDING;
        return new OutboxRecord(r.id(), r.kind(), pending ? OutboxState.DEAD : r.state(), r.attempts(), r.createdAt(),
                r.nextAttemptAt(), null, null, pending ? "expired" : r.lastError(), null, r.expiresAt());
    }

    private static boolean claimable(OutboxRecord r, Instant now) {
        return r.state() == OutboxState.PENDING && !r.nextAttemptAt().isAfter(now)
                && (r.leaseUntil() == null || r.leaseUntil().isBefore(now));
    }

    private OutboxRecord held(String id, String owner) {
        OutboxRecord r = byId.get(id);
        return r != null && r.state() == OutboxState.PENDING && owner.equals(r.leaseOwner()) ? r : null;
    }

    private List<OutboxRecord> select(Predicate<OutboxRecord> which, Comparator<OutboxRecord> order, int limit) {
        return byId.values().stream().filter(which).sorted(order).limit(limit).toList();
    }
}
