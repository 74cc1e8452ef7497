package dev.userkit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ValidationCacheSettings;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Session;
import dev.userkit.domain.UserId;
import dev.userkit.spi.SessionAccess;
import dev.userkit.spi.SessionReads;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionWithUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ordering that keeps a read racing a revocation out of the cache, whichever finishes first. */
class CachedSessionReadsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String HASH = "h".repeat(43);
    private final UserId user = IdGenerator.userId();
    private final SessionWithUser read = new SessionWithUser(new SessionRecord(Session.builder().id(IdGenerator.sessionId())
            .userId(user).createdAt(NOW).lastSeenAt(NOW).idleExpiresAt(NOW.plus(Duration.ofHours(1)))
            .absoluteExpiresAt(NOW.plus(Duration.ofDays(1))).data(Map.of()).build(), HASH, 0), Optional.empty(), 0);
    private final AtomicInteger storeReads = new AtomicInteger();
    private Consumer<CachedSessionReads> duringRead = c -> {};
    private final CachedSessionReads cache = new CachedSessionReads(new SessionReads() {
        @Override
        public Optional<SessionWithUser> findWithUser(String tokenHash) {
            storeReads.incrementAndGet();
            duringRead.accept(cacheItself());
            return Optional.of(read);
        }

        @Override
        public Optional<SessionAccess> findWithRoles(String tokenHash) {
            return Optional.empty();
        }
    }, new ValidationCacheSettings(true, 100, Duration.ofMinutes(1)), Clock.fixed(NOW, ZoneOffset.UTC));

    private CachedSessionReads cacheItself() {
        return cache;
    }

    @Test
    @DisplayName("a read is kept: the next one is answered from memory")
    void readIsKept() {
        cache.findWithUser(HASH);
        cache.findWithUser(HASH);
        assertThat(storeReads).hasValue(1);
    }

    @Test
    @DisplayName("a revocation of the user made while the store answered (after its snapshot) keeps that answer out of the cache")
    void userRevokedDuringReadIsNotKept() {
        duringRead = c -> c.usersChanged(List.of(user));
        cache.findWithUser(HASH);
        duringRead = c -> {};
        cache.findWithUser(HASH);
        cache.findWithUser(HASH);
        assertThat(storeReads).as("the racing read was dropped; the read after the revocation is kept").hasValue(2);
    }

    @Test
    @DisplayName("a revocation of the session, or of everything, made while the store answered keeps that answer out too")
    void sessionOrEverythingRevokedDuringReadIsNotKept() {
        duringRead = c -> c.sessionsChanged(List.of(read.session().session().id()));
        cache.findWithUser(HASH);
        duringRead = CachedSessionReads::everythingChanged;
        cache.findWithUser(HASH);
        duringRead = c -> {};
        cache.findWithUser(HASH);
        cache.findWithUser(HASH);
        assertThat(storeReads).hasValue(3);
    }

    @Test
    @DisplayName("a revocation after a read was kept makes the next validation read the store again")
    void revocationAfterKeepingDropsIt() {
        cache.findWithUser(HASH);
        cache.usersChanged(List.of(user));
        cache.findWithUser(HASH);
        assertThat(storeReads).hasValue(2);
    }

    @Test
    @DisplayName("a revocation of another user or session leaves the entry in use")
    void otherRevocationsLeaveIt() {
        cache.findWithUser(HASH);
        cache.usersChanged(List.of(IdGenerator.userId()));
        cache.sessionsChanged(List.of(IdGenerator.sessionId()));
        cache.findWithUser(HASH);
        assertThat(storeReads).hasValue(1);
    }
}
