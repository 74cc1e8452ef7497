package dev.userkit.testkit;

import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.RoleId;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.AttemptCount;
import dev.userkit.spi.AttemptStore;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.CodeStore;
import dev.userkit.spi.DeviceStore;
import dev.userkit.spi.MaintenanceLock;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import dev.userkit.spi.RoleStore;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionReads;
import dev.userkit.spi.SessionWithRoles;
import dev.userkit.domain.SessionId;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UnitOfWork;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Conformance suites over deliberately broken stores: the in-memory store with one port replaced
 * by a wrapper that breaks one promise, at least one per port contract. The self-test runs them
 * and expects the named contract and feature tests to fail with the named message. Not test
 * classes themselves (surefire skips nested classes).
 */
final class BrokenStoreSuites {
    private BrokenStoreSuites() {}

    /** The in-memory stores with one port swapped. */
    private static Stores replacing(UnaryOperator<Stores> swap) {
        return swap.apply(InMemoryStores.create());
    }

    /** A code store whose consumed codes can be consumed again (breaks REL-1 and single use). */
    static class CodesConsumedTwice extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withCodes(new ReusableCodes(s.codes()).asPort()));
        }
    }

    /** A maintenance lock whose tryAcquire takes the lease whoever holds it (breaks REL-9: two instances purge at once). */
    static class LeasesNotExclusive extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withMaintenanceLock(new UnguardedLeases(s.maintenanceLock()).asPort()));
        }
    }

    /** A maintenance lock whose release frees the lease for any owner (a stale instance ends another's run). */
    static class LeasesReleasedByAnyone extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withMaintenanceLock(new OwnerBlindRelease(s.maintenanceLock()).asPort()));
        }
    }

    /** A user store that accepts a taken email key. */
    static class UsersWithoutUniqueEmails extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withUsers(new EmailsNotUnique(s.users()).asPort()));
        }
    }

    /** A user store that ignores username skeletons: look-alike names become separate accounts. */
    static class UsersWithoutUniqueSkeletons extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withUsers(new SkeletonsForgotten(s.users()).asPort()));
        }
    }

    /** An attempt store whose counter is read, then written (lost updates under load). */
    static class NonAtomicAttempts extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withAttempts(new ReadThenWriteCounter(s.attempts()).asPort()));
        }
    }

    /** A session store whose list and deleteMatching ignore {@code expiredAt}. */
    static class SessionsIgnoringExpiry extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withSessions(new ExpiryBlindSessions(s.sessions()).asPort()));
        }
    }

    /** A session store whose guarded sliding write writes whatever the session's last-seen instant (breaks SEC-18). */
    static class SlidingWritesUnguarded extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withSessions(new UnguardedTouch(s.sessions()).asPort()));
        }
    }

    /** Session reads that keep the first roles they read for a token (breaks SEC-20: roles stay live). */
    static class SessionRolesCached extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            // set last: a session, user or role store set afterwards would drop these reads
            return replacing(s -> s.toBuilder().sessionReads(new CachedRoles(s.sessionReads()).asPort()).build());
        }
    }

    /** A user store whose list answers in descending id order. */
    static class UsersListedBackwards extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withUsers(new ReversedList(s.users()).asPort()));
        }
    }

    /** A session store whose delete answers true for a live session but keeps it. */
    static class SessionsNeverDeleted extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withSessions(new UndeletableSessions(s.sessions()).asPort()));
        }
    }

    /** A role store whose revoke answers true for a held role but keeps the grant. */
    static class RevokesIgnored extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withRoles(new UnrevokableGrants(s.roles()).asPort()));
        }
    }

    /** A device store whose setPermitted answers true for a known device but leaves its flag. */
    static class DevicePermissionsFrozen extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withDevices(new FrozenPermissions(s.devices()).asPort()));
        }
    }

    /** An attempt store whose reset does nothing: a lock outlives a password reset. */
    static class AttemptResetsIgnored extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withAttempts(new UnresettableCounters(s.attempts()).asPort()));
        }
    }

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

    /** A unit of work that wraps the work's exception in one of its own. */
    static class UnitOfWorkWrappingExceptions extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withUnitOfWork(new WrappingUnitOfWork(s.unitOfWork()).asPort()));
        }
    }

    /** The correct in-memory store claiming {@code supportsTransactions()}, which it does not have: nothing rolls back. */
    static class TransactionsClaimedWithoutRollback extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return InMemoryStores.create();
        }

        @Override
        protected boolean supportsTransactions() {
            return true;
        }
    }

    /** Remembers every consumed code and hands it out again. */
    static final class ReusableCodes extends PortOverride<CodeStore> {
        private final Map<String, CodeRecord> consumed = new HashMap<>();

        ReusableCodes(CodeStore delegate) {
            super(CodeStore.class, delegate);
        }

        public synchronized Optional<CodeRecord> consume(String codeHash, CodePurpose purpose) {
            Optional<CodeRecord> fresh = delegate.consume(codeHash, purpose);
            fresh.ifPresent(c -> consumed.put(codeHash, c));
            return fresh.or(() -> Optional.ofNullable(consumed.get(codeHash)).filter(c -> c.purpose() == purpose));
        }
    }

    /** Puts a user whose email key is taken into a second store instead of refusing it. */
    static final class EmailsNotUnique extends PortOverride<UserStore> {
        private final UserStore overflow = InMemoryStores.create().users();

        EmailsNotUnique(UserStore delegate) {
            super(UserStore.class, delegate);
        }

        public synchronized void insert(UserRecord user) {
            boolean emailTaken = delegate.findByEmailKey(user.user().email().key()).isPresent();
            (emailTaken ? overflow : delegate).insert(user);
        }

        public synchronized Optional<UserRecord> findById(UserId id) {
            return delegate.findById(id).or(() -> overflow.findById(id));
        }
    }

    /** Drops the skeleton before every write, as a store without the skeleton column would. */
    static final class SkeletonsForgotten extends PortOverride<UserStore> {
        SkeletonsForgotten(UserStore delegate) {
            super(UserStore.class, delegate);
        }

        public void insert(UserRecord user) {
            delegate.insert(withoutSkeleton(user));
        }

        public boolean update(UserRecord next) {
            return delegate.update(withoutSkeleton(next));
        }

        private static UserRecord withoutSkeleton(UserRecord r) {
            Username u = r.user().username();
            return new UserRecord(r.user().withUsername(new Username(u.value(), u.key(), null), r.user().updatedAt()),
                    r.passwordHash(), r.version(), r.securityStamp());
        }
    }

    /** A counter kept in a plain map: read, yield, write. */
    static final class ReadThenWriteCounter extends PortOverride<AttemptStore> {
        private final Map<String, AttemptCount> counters = new ConcurrentHashMap<>();

        ReadThenWriteCounter(AttemptStore delegate) {
            super(AttemptStore.class, delegate);
        }

        public AttemptCount increment(String key, Instant now, Duration window) {
            AttemptCount old = counters.get(key);
            Thread.yield();
            AttemptCount next = old == null || !old.windowEndsAt().isAfter(now)
                    ? new AttemptCount(1, now.plus(window)) : new AttemptCount(old.count() + 1, old.windowEndsAt());
            counters.put(key, next);
            return next;
        }

        public Optional<AttemptCount> current(String key, Instant now) {
            return Optional.ofNullable(counters.get(key)).filter(c -> c.windowEndsAt().isAfter(now));
        }

        public void reset(String key) {
            counters.remove(key);
        }
    }

    /** Takes every lease it is asked for: the last caller holds it. */
    static final class UnguardedLeases extends PortOverride<MaintenanceLock> {
        private final Map<String, String> holders = new ConcurrentHashMap<>();

        UnguardedLeases(MaintenanceLock delegate) {
            super(MaintenanceLock.class, delegate);
        }

        public boolean tryAcquire(String name, String owner, Instant now, Duration ttl) {
            holders.put(name, owner);
            return true;
        }

        public boolean renew(String name, String owner, Instant now, Duration ttl) {
            return owner.equals(holders.get(name));
        }

        public boolean release(String name, String owner) {
            return holders.remove(name, owner);
        }
    }

    /** Releases a lease on behalf of whoever asks, by naming its holder to the correct lock. */
    static final class OwnerBlindRelease extends PortOverride<MaintenanceLock> {
        private final Map<String, String> holders = new ConcurrentHashMap<>();

        OwnerBlindRelease(MaintenanceLock delegate) {
            super(MaintenanceLock.class, delegate);
        }

        public boolean tryAcquire(String name, String owner, Instant now, Duration ttl) {
            boolean taken = delegate.tryAcquire(name, owner, now, ttl);
            if (taken) holders.put(name, owner);
            return taken;
        }

        public boolean release(String name, String owner) {
            String holder = holders.get(name);
            return holder != null && delegate.release(name, holder);
        }
    }

    /** Drops {@code expiredAt} from every filter. */
    static final class ExpiryBlindSessions extends PortOverride<SessionStore> {
        ExpiryBlindSessions(SessionStore delegate) {
            super(SessionStore.class, delegate);
        }

        private static SessionFilter blind(SessionFilter f) {
            return new SessionFilter(f.userId(), null, f.except(), f.deviceId());
        }

        public int deleteMatching(SessionFilter filter, int limit) {
            return delegate.deleteMatching(blind(filter), limit);
        }

        public List<SessionRecord> list(SessionFilter filter, SessionId after, int limit) {
            return delegate.list(blind(filter), after, limit);
        }

        public PurgeStep purgeExpired(Instant now, PurgeCursor from, int limit) {
            return PurgeStep.byFilter(delegate.deleteMatching(SessionFilter.all(), limit), limit, from);
        }
    }

    /** Slides the session without comparing its last-seen instant to the one it was read with. */
    static final class UnguardedTouch extends PortOverride<SessionStore> {
        UnguardedTouch(SessionStore delegate) {
            super(SessionStore.class, delegate);
        }

        public boolean touchIfLastSeen(SessionId id, Instant expectedLastSeenAt, Instant lastSeenAt, Instant idleExpiresAt) {
            return delegate.touch(id, lastSeenAt, idleExpiresAt);
        }
    }

    /** Answers findWithRoles for a token hash from its first answer, as a cache no role change clears. */
    static final class CachedRoles extends PortOverride<SessionReads> {
        private final Map<String, Optional<SessionWithRoles>> first = new ConcurrentHashMap<>();

        CachedRoles(SessionReads delegate) {
            super(SessionReads.class, delegate);
        }

        public Optional<SessionWithRoles> findWithRoles(String tokenHash) {
            return first.computeIfAbsent(tokenHash, delegate::findWithRoles);
        }
    }

    /** Lists what the store lists, last first. */
    static final class ReversedList extends PortOverride<UserStore> {
        ReversedList(UserStore delegate) {
            super(UserStore.class, delegate);
        }

        public List<UserRecord> list(UserQuery query) {
            List<UserRecord> listed = new ArrayList<>(delegate.list(query));
            Collections.reverse(listed);
            return listed;
        }
    }

    /** Answers delete as if it had deleted, and deletes nothing. */
    static final class UndeletableSessions extends PortOverride<SessionStore> {
        UndeletableSessions(SessionStore delegate) {
            super(SessionStore.class, delegate);
        }

        public boolean delete(SessionId id) {
            return delegate.findById(id).isPresent();
        }
    }

    /** Answers revoke as if it had revoked, and revokes nothing. */
    static final class UnrevokableGrants extends PortOverride<RoleStore> {
        UnrevokableGrants(RoleStore delegate) {
            super(RoleStore.class, delegate);
        }

        public boolean revoke(UserId userId, RoleId roleId) {
            return delegate.rolesOf(userId).stream().anyMatch(r -> r.id().equals(roleId));
        }
    }

    /** Answers setPermitted as if it had set the flag, and sets nothing. */
    static final class FrozenPermissions extends PortOverride<DeviceStore> {
        FrozenPermissions(DeviceStore delegate) {
            super(DeviceStore.class, delegate);
        }

        public boolean setPermitted(DeviceId id, boolean permitted) {
            return delegate.findById(id).isPresent();
        }
    }

    /** Keeps every counter through a reset. */
    static final class UnresettableCounters extends PortOverride<AttemptStore> {
        UnresettableCounters(AttemptStore delegate) {
            super(AttemptStore.class, delegate);
        }

        public void reset(String key) {
            // the broken promise: the counter stays
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

    /** Runs the work in the real unit and rethrows its failure wrapped. */
    static final class WrappingUnitOfWork extends PortOverride<UnitOfWork> {
        WrappingUnitOfWork(UnitOfWork delegate) {
            super(UnitOfWork.class, delegate);
        }

        public <T> T run(Supplier<T> work) {
            try {
                return delegate.run(work);
            } catch (RuntimeException e) {
                throw new IllegalStateException("unit of work failed", e);
            }
        }
    }
}
