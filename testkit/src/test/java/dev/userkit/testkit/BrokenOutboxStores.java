package dev.userkit.testkit;

import static dev.userkit.testkit.BrokenStoreSuites.replacing;

import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import dev.userkit.spi.Stores;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Broken outboxes for {@link ConformanceSelfTest}: the in-memory store with its outbox replaced by a
 * wrapper that breaks one promise (exclusive claims, leases, erased payloads, the owner's delivery).
 * See {@link BrokenStoreSuites}.
 */
final class BrokenOutboxStores {
    private BrokenOutboxStores() {}

    /** An outbox whose claim checks the message, then takes it unconditionally (two senders can win). */
    static class OutboxClaimsReadThenWritten extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withOutbox(new ReadThenClaim(s.outbox()).asPort()));
        }
    }

    /** An outbox whose claim takes a due message whoever holds its lease. */
    static class OutboxLeasesIgnored extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withOutbox(new LeaseBlindClaim(s.outbox()).asPort()));
        }
    }

    /** An outbox whose delivered keeps the encrypted payload. */
    static class OutboxPayloadsKeptAfterDelivery extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withOutbox(new PayloadKeptOnDelivery(s.outbox()).asPort()));
        }
    }

    /** An outbox whose delivered accepts any owner of a claimed message, a stale one too. */
    static class OutboxDeliveriesByAnyOwner extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withOutbox(new OwnerBlindDelivery(s.outbox()).asPort()));
        }
    }

    /** Sees whether the message is free, lets the other senders look too, then takes it without a condition. */
    static final class ReadThenClaim extends PortOverride<OutboxStore> {
        private static final long LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

        ReadThenClaim(OutboxStore delegate) {
            super(OutboxStore.class, delegate);
        }

        public Optional<OutboxRecord> claim(String id, String owner, Instant now, Instant leaseUntil) {
            boolean free = delegate.findById(id).filter(r -> r.state() == OutboxState.PENDING && !r.nextAttemptAt().isAfter(now)
                    && (r.leaseUntil() == null || r.leaseUntil().isBefore(now))).isPresent();
            LockSupport.parkNanos(LOOK_NANOS);
            return free ? unconditionalClaim(delegate, id, owner, leaseUntil) : Optional.empty();
        }
    }

    /** Checks only that the message is due, never its lease. */
    static final class LeaseBlindClaim extends PortOverride<OutboxStore> {
        LeaseBlindClaim(OutboxStore delegate) {
            super(OutboxStore.class, delegate);
        }

        public Optional<OutboxRecord> claim(String id, String owner, Instant now, Instant leaseUntil) {
            boolean due = delegate.findById(id).filter(r -> !r.nextAttemptAt().isAfter(now)).isPresent();
            return due ? unconditionalClaim(delegate, id, owner, leaseUntil) : Optional.empty();
        }
    }

    /** A claim at the end of time, when every lease has lapsed: what an update without the lease condition does. */
    private static Optional<OutboxRecord> unconditionalClaim(OutboxStore outbox, String id, String owner, Instant leaseUntil) {
        return outbox.claim(id, owner, Instant.MAX, leaseUntil);
    }

    /** Marks the message delivered and answers it with the payload it had before, as a store that never erases it. */
    static final class PayloadKeptOnDelivery extends PortOverride<OutboxStore> {
        private final Map<String, byte[]> kept = new ConcurrentHashMap<>();

        PayloadKeptOnDelivery(OutboxStore delegate) {
            super(OutboxStore.class, delegate);
        }

        public boolean delivered(String id, String owner, Instant at) {
            byte[] payload = delegate.findById(id).map(OutboxRecord::payload).orElse(null);
            boolean marked = delegate.delivered(id, owner, at);
            if (marked && payload != null) kept.put(id, payload);
            return marked;
        }

        public Optional<OutboxRecord> findById(String id) {
            return delegate.findById(id).map(r -> !kept.containsKey(id) ? r : new OutboxRecord(r.id(), r.kind(), r.state(), r.attempts(),
                    r.createdAt(), r.nextAttemptAt(), r.leaseOwner(), r.leaseUntil(), r.lastError(), kept.get(id), r.expiresAt()));
        }
    }

    /** Delivers a claimed message for whoever asks, as an update whose condition forgot the owner. */
    static final class OwnerBlindDelivery extends PortOverride<OutboxStore> {
        OwnerBlindDelivery(OutboxStore delegate) {
            super(OutboxStore.class, delegate);
        }

        public boolean delivered(String id, String owner, Instant at) {
            String holder = delegate.findById(id).map(OutboxRecord::leaseOwner).orElse(null);
            return holder != null && delegate.delivered(id, holder, at);
        }
    }
}
