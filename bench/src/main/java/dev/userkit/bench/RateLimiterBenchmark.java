package dev.userkit.bench;

import dev.userkit.crypto.Secrets;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.AttemptCount;
import dev.userkit.spi.AttemptStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One throttling hit (SEC-09, SEC-25) on the in-memory attempt store, against computing its key
 * alone (a SHA-256), to show what the counter itself adds. The key is built as core's rate
 * limiter builds it: the SHA-256 of the counter's kind, a NUL and the subject.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RateLimiterBenchmark {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int SUBJECTS = 1000;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private AttemptStore attempts;
    private KeyCycle subjects;

    /** A fresh in-memory store; every hit lands in one window. */
    @Setup
    public void create() {
        attempts = InMemoryStores.create().attempts();
        String[] keys = new String[SUBJECTS];
        for (int i = 0; i < SUBJECTS; i++) keys[i] = "user" + i + "@example.test";
        subjects = new KeyCycle(keys);
    }

    /** Baseline: the hashed key alone. */
    @Benchmark
    public String baselineKeyHash() {
        return key(subjects.next());
    }

    /** Key hash plus the atomic increment in the store. */
    @Benchmark
    public AttemptCount hit() {
        return attempts.increment(key(subjects.next()), NOW, WINDOW);
    }

    private static String key(String subject) {
        return Secrets.sha256("login-id\u0000" + subject);
    }
}
