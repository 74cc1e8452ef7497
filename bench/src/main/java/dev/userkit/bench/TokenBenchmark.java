package dev.userkit.bench;

import dev.userkit.crypto.Secrets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What a new session or link code costs: a 256-bit token and the SHA-256 a store keeps
 * (SEC-12), against the random bytes alone, which no implementation can avoid.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenBenchmark {
    private final SecureRandom random = new SecureRandom();

    /** Baseline: 32 bytes from SecureRandom, as {@link Secrets#newToken()} draws them. */
    @Benchmark
    public byte[] baselineSecureRandomBytes() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    }

    /** A token and its SHA-256: what core does for every session and link code. */
    @Benchmark
    public String newTokenAndSha256() {
        return Secrets.sha256(Secrets.newToken());
    }
}
