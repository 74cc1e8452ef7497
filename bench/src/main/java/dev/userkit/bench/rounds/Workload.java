package dev.userkit.bench.rounds;

import dev.userkit.ClientContext;
import dev.userkit.KeyRing;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.accounts.NewUser;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.Permission;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.spi.Stores;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The data every column reads, made through UserKit's public API: users with a role that allows
 * {@code GET /api/orders/**}, their logged-in sessions, as many Spring Session sessions, and a few
 * users with production-strength hashes to log in as. The clock is fixed at the fill's start, so no
 * sliding write is ever due while the columns run (validation's steady state, SEC-18).
 */
final class Workload {
    static final String PASSWORD = "amber lantern over quiet harbour";
    static final String ROLE = "bench-reader";
    static final String PATH = "/api/orders/42";
    static final int LOGIN_USERS = 8;
    private static final int SESSIONS_PER_USER = 10;
    private static final byte[] KEY = "userkit bench key ring: not a secret, not for production".getBytes(StandardCharsets.UTF_8);

    final Instant start;
    final Clock clock;
    /** Production hashing: what every column measures. */
    final UserKit kit;
    final String[] tokens;
    final String[] tokenHashes;
    final String[] springIds;
    final String[] loginNames;

    private Workload(Instant start, UserKit kit, int sessions) {
        this.start = start;
        this.clock = Clock.fixed(start, ZoneOffset.UTC);
        this.kit = kit;
        this.tokens = new String[sessions];
        this.tokenHashes = new String[sessions];
        this.springIds = new String[sessions];
        this.loginNames = new String[LOGIN_USERS];
    }

    /** The settings of every kit in a run, with the given hashing (the fill's kit hashes cheaply to save minutes). */
    static UserKitConfig.Builder config(PasswordHashing hashing) {
        return UserKitConfig.builder().keyRing(KeyRing.of(Map.of(1, KEY), 1)).activateOnSignup(true).passwordHashing(hashing);
    }

    /** A kit over the target's stores, the workload's clock and {@code config}. */
    UserKit kit(BenchTarget target, UserKitConfig config) {
        return kit(target.stores(), config);
    }

    /** A kit over {@code stores}, the workload's clock and {@code config}. */
    UserKit kit(Stores stores, UserKitConfig config) {
        return UserKit.builder().stores(stores).config(config).clock(clock).build();
    }

    /** Fills the target with {@code sessions} sessions of {@code sessions / 10} users (and as many Spring sessions), on {@code threads} threads. */
    static Workload fill(BenchTarget target, int sessions, int threads) throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Clock clock = Clock.fixed(start, ZoneOffset.UTC);
        UserKit kit = UserKit.builder().stores(target.stores()).config(config(PasswordHashing.PRODUCTION).build()).clock(clock).build();
        UserKit cheap = UserKit.builder().stores(target.stores()).config(config(PasswordHashing.insecureForTestsOnly()).build())
                .clock(clock).build();
        Workload w = new Workload(start, kit, sessions);
        kit.access().createRole(ROLE, "what the bench's users may read");
        kit.access().addPermission(ROLE, new Permission("orders", "/api/orders/**", EnumSet.of(Verb.GET)));
        int users = Math.max(1, sessions / SESSIONS_PER_USER);
        parallel(users, threads, i -> {
            UserId id = cheap.accounts().register(newUser("fill" + i), ClientContext.NONE).userId();
            cheap.access().grant(id, ROLE);
        });
        parallel(sessions, threads, i -> {
            String token = cheap.sessions().login("fill" + (i % users), PASSWORD, ClientContext.NONE).token();
            w.tokens[i] = token;
            w.tokenHashes[i] = Secrets.sha256(token);
            w.springIds[i] = target.peer().save("fill" + (i % users));
        });
        parallel(LOGIN_USERS, threads, i -> {
            kit.accounts().register(newUser("login" + i), ClientContext.NONE);
            w.loginNames[i] = "login" + i;
        });
        return w;
    }

    static NewUser newUser(String name) {
        return NewUser.builder(name, name + "@bench.example").password(PASSWORD).build();
    }

    /** Runs {@code task} for 0..n-1 on {@code threads} threads; the first failure fails the fill. */
    static void parallel(int n, int threads, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] parts = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts[t] = pool.submit(() -> {
                    for (int i = first; i < n; i += threads) task.accept(i);
                });
            }
            for (Future<?> f : parts) f.get();
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
