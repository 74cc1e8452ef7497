package dev.userkit.testkit;

import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.MaintenanceLock;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Conformance suites over deliberately broken stores: the in-memory store with one port replaced
 * by a wrapper that breaks one promise, at least one per port contract. The self-test runs them
 * and expects the named contract and feature tests to fail with the named message. Not test
 * classes themselves (surefire skips nested classes). This class holds the maintenance lock's and the
 * unit of work's; {@link BrokenAccountStores}, {@link BrokenSessionStores} and {@link BrokenOutboxStores}
 * the other ports'.
 */
final class BrokenStoreSuites {
    private BrokenStoreSuites() {}

    /** The in-memory stores with one port swapped. */
    static Stores replacing(UnaryOperator<Stores> swap) {
        return swap.apply(InMemoryStores.create());
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
