package dev.userkit.bench;

import dev.userkit.crypto.Secrets;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Session;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** Fills a session store with live sessions of random users, so lookups run against a realistic size. */
final class SessionFill {
    /** When the filler sessions start; they live 24 h idle and 30 days absolute from then. */
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private SessionFill() {}

    /** Inserts {@code n} sessions with random tokens and hands each record to {@code also}; returns their token hashes. */
    static String[] fill(SessionStore store, int n, Consumer<SessionRecord> also) {
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            Session s = Session.builder().id(IdGenerator.sessionId()).userId(IdGenerator.userId()).createdAt(START)
                    .lastSeenAt(START).idleExpiresAt(START.plus(Duration.ofHours(24)))
                    .absoluteExpiresAt(START.plus(Duration.ofDays(30))).build();
            SessionRecord r = new SessionRecord(s, Secrets.sha256(Secrets.newToken()), 0);
            store.insert(r);
            also.accept(r);
            hashes[i] = r.tokenHash();
        }
        return hashes;
    }
}
