package dev.userkit.bench;

import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.accounts.NewUser;
import dev.userkit.crypto.Secrets;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.sessions.Sessions;
import dev.userkit.sessions.Validation;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link Sessions#validate} of one logged-in session among {@code sessions} on the in-memory store
 * (S3, S4): token hash, lookup, expiry check, user lookup. The clock is fixed, so the sliding write
 * is never due (SEC-18 throttles it to once a minute per session): this is the steady-state read
 * path. {@link Sessions#freshen} writes the sliding expiry on every call, the worst case a validation
 * can cost. The baselines are the store's own {@code findByTokenHash} of the same token hash, and
 * that lookup behind the SHA-256 of the token that validation must compute first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SessionValidationBenchmark {
    private static final String PASSWORD = "benchmarks measure ratios, not absolutes";

    @Param("10000")
    int sessions;

    private Sessions service;
    private SessionStore store;
    private String token;
    private String tokenHash;

    /** Fills the store, registers one user and logs it in once (one Argon2id hash and one verification). */
    @Setup(Level.Trial)
    public void login() {
        Stores stores = InMemoryStores.create();
        SessionFill.fill(stores.sessions(), sessions - 1, r -> { });
        Clock fixed = Clock.fixed(SessionFill.START.plus(Duration.ofHours(1)), ZoneOffset.UTC);
        UserKit kit = UserKit.builder().stores(stores).clock(fixed)
                .config(UserKitConfig.builder().activateOnSignup(true).build()).build();
        kit.accounts().register(NewUser.builder("vic", "vic@example.test").password(PASSWORD).build(), null);
        service = kit.sessions();
        store = stores.sessions();
        token = service.login("vic", PASSWORD, null).token();
        tokenHash = Secrets.sha256(token);
    }

    /** Baseline: the in-memory store's lookup of the same, precomputed token hash. */
    @Benchmark
    public Optional<SessionRecord> baselineFindByTokenHash() {
        return store.findByTokenHash(tokenHash);
    }

    /** Baseline: the SHA-256 of the token, then the lookup: the part of validation no store can avoid. */
    @Benchmark
    public Optional<SessionRecord> baselineSha256ThenFind() {
        return store.findByTokenHash(Secrets.sha256(token));
    }

    /** Validation with no sliding write due (fixed clock): the read-mostly path. */
    @Benchmark
    public Validation validate() {
        return service.validate(token);
    }

    /** Validation that always writes the sliding expiry: what a due write adds. */
    @Benchmark
    public Validation freshen() {
        return service.freshen(token);
    }
}
