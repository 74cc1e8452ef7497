package dev.userkit.cache;

import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import dev.userkit.spi.RevocationFeed;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store's sessions, telling the validation cache about every write to an existing session once the
 * store has made it: a deleted session (logout, rotation, device refusal, sign out everywhere), and a slid
 * or restamped one, whose cached read is out of date.
 */
final class RevokingSessionStore implements SessionStore {
    private final SessionStore store;
    private final RevocationFeed.Listener revocations;

    RevokingSessionStore(SessionStore store, RevocationFeed.Listener revocations) {
        this.store = store;
        this.revocations = revocations;
    }

    @Override
    public void insert(SessionRecord session) {
        store.insert(session);
    }

    @Override
    public Optional<SessionRecord> findByTokenHash(String tokenHash) {
        return store.findByTokenHash(tokenHash);
    }

    @Override
    public Optional<SessionRecord> findById(SessionId id) {
        return store.findById(id);
    }

    @Override
    public boolean touch(SessionId id, Instant lastSeenAt, Instant idleExpiresAt) {
        return changed(id, store.touch(id, lastSeenAt, idleExpiresAt));
    }

    // dropped whether it wrote or not: when it did not, another instance slid the session, and the
    // cached last-seen instant would make every validation try again until the entry went stale
    @Override
    public boolean touchIfLastSeen(SessionId id, Instant expectedLastSeenAt, Instant lastSeenAt, Instant idleExpiresAt) {
        boolean wrote = store.touchIfLastSeen(id, expectedLastSeenAt, lastSeenAt, idleExpiresAt);
        revocations.sessionsChanged(List.of(id));
        return wrote;
    }

    @Override
    public boolean restamp(SessionId id, UserId userId, long securityStamp) {
        return changed(id, store.restamp(id, userId, securityStamp));
    }

    @Override
    public boolean delete(SessionId id) {
        return changed(id, store.delete(id));
    }

    @Override
    public int deleteMatching(SessionFilter filter, int limit) {
        int deleted = store.deleteMatching(filter, limit);
        // a filter with an expiry instant deletes only sessions every validation refuses already
        if (deleted > 0 && filter.expiredAt() == null) {
            if (filter.userId() != null) revocations.usersChanged(List.of(filter.userId()));
            else revocations.everythingChanged();
        }
        return deleted;
    }

    @Override
    public PurgeStep purgeExpired(Instant now, PurgeCursor from, int limit) {
        // only sessions every validation refuses already: nothing for the cache to forget
        return store.purgeExpired(now, from, limit);
    }

    @Override
    public List<SessionRecord> list(SessionFilter filter, SessionId after, int limit) {
        return store.list(filter, after, limit);
    }

    private boolean changed(SessionId id, boolean wrote) {
        if (wrote) revocations.sessionsChanged(List.of(id));
        return wrote;
    }
}
