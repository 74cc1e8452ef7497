package dev.userkit.bench;

import dev.userkit.PasswordHashing;
import dev.userkit.crypto.Secrets;
import dev.userkit.passwords.PasswordHasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Argon2id at the production parameters (m=19456 KiB, t=2, p=1; SEC-04), against a SHA-256 of
 * the same input: the ratio is the work factor an attacker with a stolen hash pays per guess.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PasswordHashBenchmark {
    private static final String PASSWORD = "correct horse battery staple";
    private PasswordHasher hasher;

    /** One hasher, as UserKit builds it; one permit since JMH runs one thread here. */
    @Setup
    public void create() {
        hasher = new PasswordHasher(PasswordHashing.PRODUCTION, 1);
    }

    /** Baseline: SHA-256 of the password. */
    @Benchmark
    public String baselineSha256() {
        return Secrets.sha256(PASSWORD);
    }

    /** Argon2id with a fresh random salt, as at registration and password change. */
    @Benchmark
    public String argon2idHash() {
        return hasher.hash(PASSWORD);
    }
}
