package dev.userkit.bench;

import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.Email;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Username;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.sessions.Sessions;
import dev.userkit.spi.SessionAccess;
import dev.userkit.spi.SessionReads;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionWithUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Heap per session held by the validation cache ({@code UserKitConfig.Builder.validationCache}): fills it
 * with {@value #ENTRIES} validations and compares the used heap, after a full GC, before and after.
 *
 * <p>The reads come from a store stand-in that builds every answer afresh, as a database driver does (new
 * ids, instants, strings and maps per row), so that only the cache holds them: what is measured is all
 * an entry keeps alive (Caffeine's node, the token hash key, the session with its data map, the user with
 * username and email). Each session carries a one-field data map ({@code locale}); larger session data
 * adds its own size. Run: {@code java -cp bench/target/benchmarks.jar dev.userkit.bench.ValidationCacheFootprint}.
 */
public final class ValidationCacheFootprint {
    private static final int ENTRIES = 100_000;
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private ValidationCacheFootprint() {}

    /**
     * Prints the heap per cached session, three times.
     *
     * @param args none
     */
    public static void main(String[] args) {
        for (int round = 1; round <= 3; round++) {
            System.out.printf("round %d: %.0f bytes per cached session (%,d entries)%n", round, bytesPerEntry(), ENTRIES);
        }
    }

    private static double bytesPerEntry() {
        String[] tokens = new String[ENTRIES];
        Map<String, Integer> rows = new HashMap<>();
        for (int i = 0; i < ENTRIES; i++) {
            tokens[i] = Secrets.newToken();
            rows.put(Secrets.sha256(tokens[i]), i);
        }
        Sessions sessions = UserKit.builder()
                .stores(InMemoryStores.create().toBuilder().sessionReads(new FreshRows(rows)).build())
                .config(UserKitConfig.builder().validationCache(true).validationCacheMaxSize(ENTRIES)
                        .validationCacheStaleness(Duration.ofHours(1)).build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().sessions();
        long before = usedAfterGc();
        for (String token : tokens) sessions.validate(token);
        long after = usedAfterGc();
        for (String token : tokens) sessions.validate(token); // keeps the cache reachable up to the second measurement
        return (after - before) / (double) ENTRIES;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A store stand-in answering row {@code i} for each token hash, built anew on every read. */
    private record FreshRows(Map<String, Integer> rows) implements SessionReads {
        @Override
        public Optional<SessionWithUser> findWithUser(String tokenHash) {
            Integer i = rows.get(tokenHash);
            if (i == null) return Optional.empty();
            UserId userId = new UserId(new UUID(0x0190_0000_0000_7000L, i));
            String name = "user-" + i;
            User user = User.builder().id(userId).username(Username.of(name, false)).email(Email.of(name + "@example.com"))
                    .status(UserStatus.ACTIVE).createdAt(Instant.ofEpochMilli(NOW.toEpochMilli()))
                    .updatedAt(Instant.ofEpochMilli(NOW.toEpochMilli())).build();
            Session session = Session.builder().id(new SessionId(new UUID(0x0190_0000_0000_7000L, ENTRIES + (long) i)))
                    .userId(userId).createdAt(Instant.ofEpochMilli(NOW.toEpochMilli()))
                    .lastSeenAt(Instant.ofEpochMilli(NOW.toEpochMilli()))
                    .idleExpiresAt(NOW.plus(Duration.ofHours(24))).absoluteExpiresAt(NOW.plus(Duration.ofDays(30)))
                    .data(Map.of("locale", new String("de"))).build();
            return Optional.of(new SessionWithUser(new SessionRecord(session, new String(tokenHash), 0), Optional.of(user), 0));
        }

        @Override
        public Optional<SessionAccess> findWithRoles(String tokenHash) {
            return Optional.empty();
        }
    }
}
