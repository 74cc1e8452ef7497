package dev.userkit.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.domain.Email;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Username;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.passwords.PasswordHasher;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REL-6: 500 concurrent logins with production Argon2id (19 MiB each) under a 256 MiB heap. Unbounded,
 * they would need about 9.5 GiB at once; the hasher's semaphore keeps it to a few hashes. Tagged
 * {@code low-memory}: core's pom runs it in its own surefire execution with {@code -Xmx256m}, and
 * the default execution skips it.
 */
@Tag("low-memory")
class ConcurrentLoginMemoryTest {
    private static final int LOGINS = 500;
    private static final String PASSWORD = "correct horse battery staple";

    @Test
    @DisplayName("REL-6 500 concurrent logins complete under -Xmx256m without OutOfMemoryError")
    void boundedHashing() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx256m (core's low-memory surefire execution)")
                .isLessThanOrEqualTo(256L * 1024 * 1024);
        Stores stores = InMemoryStores.create();
        // Attempts are reserved before the password check (SEC-28), so at most loginFailureLimit logins of one
        // name are in flight at once; this test is about memory under 500 of them, so the limit is lifted.
        UserKitConfig cfg = UserKitConfig.builder().passwordHashing(PasswordHashing.PRODUCTION).maxConcurrentHashes(2)
                .loginFailureLimit(1000).build();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        User user = User.builder().id(IdGenerator.userId()).username(Username.of("alice", false))
                .email(Email.of("alice@example.com")).status(UserStatus.ACTIVE).createdAt(now).updatedAt(now).build();
        stores.users().insert(UserRecord.created(user, new PasswordHasher(PasswordHashing.PRODUCTION, 1).hash(PASSWORD)));
        Sessions sessions = UserKit.builder().stores(stores).config(cfg).build().sessions();

        ExecutorService pool = Executors.newFixedThreadPool(LOGINS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<LoginResult>> results = new ArrayList<>();
            for (int i = 0; i < LOGINS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return sessions.login("alice", PASSWORD, ClientContext.NONE);
                }));
            }
            start.countDown();
            // One deadline for all: without the bound the JVM thrashes towards OutOfMemoryError, and this fails in bounded time.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            for (Future<LoginResult> f : results) {
                long left = Math.max(1, deadline - System.nanoTime());
                assertThat(f.get(left, TimeUnit.NANOSECONDS).user().id()).isEqualTo(user.id());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sessions.list(user.id(), false, null, 1000)).hasSize(LOGINS);
    }
}
