package dev.userkit.memory;

import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class InMemorySessionStore implements SessionStore {
    private final TreeMap<SessionId, SessionRecord> byId = new TreeMap<>();
    private final Map<String, SessionId> byHash = new HashMap<>();

    @Override
    public synchronized void insert(SessionRecord s) {
        if (byId.containsKey(s.session().id()) || byHash.containsKey(s.tokenHash())) throw new DuplicateKeyException("session");
        byId.put(s.session().id(), s);
        byHash.put(s.tokenHash(), s.session().id());
    }

    @Override
    public synchronized Optional<SessionRecord> findByTokenHash(String tokenHash) {
        return Optional.ofNullable(byHash.get(tokenHash)).map(byId::get);
    }

    @Override
    public synchronized Optional<SessionRecord> findById(SessionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized boolean touch(SessionId id, Instant lastSeenAt, Instant idleExpiresAt) {
        SessionRecord r = byId.get(id);
        if (r == null) return false;
        byId.put(id, new SessionRecord(r.session().withActivity(lastSeenAt, idleExpiresAt), r.tokenHash(), r.securityStamp()));
        return true;
    }

    @Override
    public synchronized boolean touchIfLastSeen(SessionId id, Instant expectedLastSeenAt, Instant lastSeenAt, Instant idleExpiresAt) {
        SessionRecord r = byId.get(id);
        return r != null && r.session().lastSeenAt().equals(expectedLastSeenAt) && touch(id, lastSeenAt, idleExpiresAt);
    }

    @Override
    public synchronized boolean restamp(SessionId id, UserId userId, long securityStamp) {
        SessionRecord r = byId.get(id);
        if (r == null || !userId.equals(r.session().userId())) return false;
        byId.put(id, new SessionRecord(r.session(), r.tokenHash(), securityStamp));
        return true;
    }

    @Override
    public synchronized boolean delete(SessionId id) {
        SessionRecord r = byId.remove(id);
        if (r == null) return false;
        byHash.remove(r.tokenHash());
        return true;
    }

    @Override
    public synchronized int deleteMatching(SessionFilter filter, int limit) {
        List<SessionRecord> doomed = list(filter, null, limit);
        doomed.forEach(r -> delete(r.session().id()));
        return doomed.size();
    }

    @Override
    public synchronized PurgeStep purgeExpired(Instant now, PurgeCursor from, int limit) {
        // a map has no physical order to follow: each step takes the first expired sessions by id
        return PurgeStep.byFilter(deleteMatching(SessionFilter.expired(now), limit), limit, from);
    }

    @Override
    public synchronized List<SessionRecord> list(SessionFilter f, SessionId after, int limit) {
        var view = after == null ? byId.values() : byId.tailMap(after, false).values();
        return view.stream().filter(r -> matches(f, r.session())).limit(limit).toList();
    }

    private static boolean matches(SessionFilter f, Session s) {
        return (f.userId() == null || f.userId().equals(s.userId()))
                && (f.expiredAt() == null || !s.expiresAt().isAfter(f.expiredAt()))
                && (f.except() == null || !f.except().equals(s.id()))
                && (f.deviceId() == null || f.deviceId().equals(s.deviceId()));
    }
}
