package dev.userkit.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.userkit.ValidationCacheSettings;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.RevocationFeed;
import dev.userkit.spi.SessionAccess;
import dev.userkit.spi.SessionReads;
import dev.userkit.spi.SessionWithUser;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store's {@link SessionReads} with validation reads kept in a Caffeine cache by token hash, bounded
 * in size and in time ({@link ValidationCacheSettings}). Authorisation reads are not cached: roles stay live (SEC-20).
 *
 * <p>Revocations are not found by an index from user to tokens but by ordering: every revocation takes a
 * number from one counter after its write, every read one before it; a cached read is used only while
 * no revocation of its session, its user or everything numbered after it. So a read racing a revocation is
 * never kept past it, whichever finishes first, and each revocation is one map write.
 * The numbers of revoked sessions and users are kept twice the staleness window: longer than any read
 * they could outdate stays cached.
 */
final class CachedSessionReads implements SessionReads, RevocationFeed.Listener {
    private final SessionReads store;
    private final Clock clock;
    private final Cache<String, Entry> entries;
    private final Cache<SessionId, Long> changedSessions;
    private final Cache<UserId, Long> changedUsers;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong flushedAt = new AtomicLong();

    /** A read as the store answered it, and the sequence number taken before it was made. */
    private record Entry(SessionWithUser read, long readAt) {}

    CachedSessionReads(SessionReads store, ValidationCacheSettings settings, Clock clock) {
        this.store = store;
        this.clock = clock;
        entries = Caffeine.newBuilder().maximumSize(settings.maxSize()).expireAfterWrite(settings.staleness()).build();
        changedSessions = Caffeine.newBuilder().expireAfterWrite(settings.staleness().multipliedBy(2)).build();
        changedUsers = Caffeine.newBuilder().expireAfterWrite(settings.staleness().multipliedBy(2)).build();
    }

    @Override
    public Optional<SessionWithUser> findWithUser(String tokenHash) {
        Entry cached = entries.getIfPresent(tokenHash);
        if (cached != null && current(cached)) return Optional.of(cached.read());
        long readAt = sequence.get();
        Optional<SessionWithUser> read = store.findWithUser(tokenHash);
        // absent and expired reads are not kept: a token that does not validate costs a read each time
        read.filter(this::live).ifPresent(r -> keep(tokenHash, new Entry(r, readAt)));
        return read;
    }

    @Override
    public Optional<SessionAccess> findWithRoles(String tokenHash) {
        return store.findWithRoles(tokenHash);
    }

    @Override
    public void sessionsChanged(Collection<SessionId> sessions) {
        sessions.forEach(id -> changedSessions.asMap().merge(id, sequence.incrementAndGet(), Math::max));
    }

    @Override
    public void usersChanged(Collection<UserId> users) {
        users.forEach(id -> changedUsers.asMap().merge(id, sequence.incrementAndGet(), Math::max));
    }

    @Override
    public void everythingChanged() {
        flushedAt.accumulateAndGet(sequence.incrementAndGet(), Math::max);
        entries.invalidateAll();
    }

    private void keep(String tokenHash, Entry entry) {
        entries.put(tokenHash, entry);
        // a revocation numbered after this read began but recorded before the put must still win
        if (!current(entry)) entries.asMap().remove(tokenHash, entry);
    }

    private boolean current(Entry e) {
        if (e.readAt() < flushedAt.get() || !live(e.read())) return false;
        if (revokedAfter(changedSessions.getIfPresent(e.read().session().session().id()), e.readAt())) return false;
        UserId user = e.read().session().session().userId();
        return user == null || !revokedAfter(changedUsers.getIfPresent(user), e.readAt());
    }

    // a read that says expired is read again: the session may have been slid on another instance
    private boolean live(SessionWithUser read) {
        return !read.session().session().isExpiredAt(clock.instant());
    }

    private static boolean revokedAfter(Long revokedAt, long readAt) {
        return revokedAt != null && revokedAt > readAt;
    }
}
