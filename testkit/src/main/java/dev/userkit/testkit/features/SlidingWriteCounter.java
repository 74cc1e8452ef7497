package dev.userkit.testkit.features;

import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A session store that counts the sliding writes that landed ({@code touch} or {@code touchIfLastSeen} answering true). */
final class SlidingWriteCounter implements SessionStore {
    private final SessionStore delegate;
    private final AtomicInteger landed = new AtomicInteger();

    SlidingWriteCounter(SessionStore delegate) {
        this.delegate = delegate;
    }

    /** How many sliding writes landed so far. */
    int landed() {
        return landed.get();
    }

    private boolean counted(boolean wrote) {
        if (wrote) landed.incrementAndGet();
        return wrote;
    }

    @Override
    public boolean touch(SessionId id, Instant lastSeenAt, Instant idleExpiresAt) {
        return counted(delegate.touch(id, lastSeenAt, idleExpiresAt));
    }

    @Override
    public boolean touchIfLastSeen(SessionId id, Instant expectedLastSeenAt, Instant lastSeenAt, Instant idleExpiresAt) {
        return counted(delegate.touchIfLastSeen(id, expectedLastSeenAt, lastSeenAt, idleExpiresAt));
    }

    @Override
    public void insert(SessionRecord session) {
        delegate.insert(session);
    }

    @Override
    public Optional<SessionRecord> findByTokenHash(String tokenHash) {
        return delegate.findByTokenHash(tokenHash);
    }

    @Override
    public Optional<SessionRecord> findById(SessionId id) {
        return delegate.findById(id);
    }

    @Override
    public boolean restamp(SessionId id, UserId userId, long securityStamp) {
        return delegate.restamp(id, userId, securityStamp);
    }

    @Override
    public boolean delete(SessionId id) {
        return delegate.delete(id);
    }

    @Override
    public int deleteMatching(SessionFilter filter, int limit) {
        return delegate.deleteMatching(filter, limit);
    }

    @Override
    public PurgeStep purgeExpired(Instant now, PurgeCursor from, int limit) {
        return delegate.purgeExpired(now, from, limit);
    }

    @Override
    public List<SessionRecord> list(SessionFilter filter, SessionId after, int limit) {
        return delegate.list(filter, after, limit);
    }
}
