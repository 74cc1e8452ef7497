package dev.userkit.testkit;

import static dev.userkit.testkit.BrokenStoreSuites.replacing;

import dev.userkit.domain.DeviceId;
import dev.userkit.domain.RoleId;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.DeviceStore;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import dev.userkit.spi.RoleStore;
import dev.userkit.spi.SessionAccess;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionReads;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.Stores;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken session, role and device stores for {@link ConformanceSelfTest}: the in-memory store with one
 * of them replaced by a wrapper that breaks one promise (expiry filters, the guarded sliding write,
 * live roles, deletes, revokes, device permissions). See {@link BrokenStoreSuites}.
 */
final class BrokenSessionStores {
    private BrokenSessionStores() {}

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
        private final Map<String, Optional<SessionAccess>> first = new ConcurrentHashMap<>();

        CachedRoles(SessionReads delegate) {
            super(SessionReads.class, delegate);
        }

        public Optional<SessionAccess> findWithRoles(String tokenHash) {
            return first.computeIfAbsent(tokenHash, delegate::findWithRoles);
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
}
