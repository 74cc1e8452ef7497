package dev.userkit.bench.rounds;

import dev.userkit.spi.SessionStore;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baselines in memory, where there is no statement to send: the in-memory store's own lookup
 * by token hash (what validation cannot skip), and a put into a concurrent map for a user row.
 */
final class MemoryRawStore implements RawStore {
    private final SessionStore sessions;
    private final Map<String, Object[]> users = new ConcurrentHashMap<>();

    MemoryRawStore(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public String sessionReadName() {
        return "store findByTokenHash";
    }

    @Override
    public void readSession(String tokenHash) {
        if (sessions.findByTokenHash(tokenHash).isEmpty()) throw new IllegalStateException("no session with hash " + tokenHash);
    }

    @Override
    public void insertUser(UUID id, String username, String email, String passwordHash, Instant at) {
        if (users.putIfAbsent(username, new Object[] {id, email, passwordHash, at}) != null) {
            throw new IllegalStateException("duplicate " + username);
        }
    }
}
