package dev.userkit.bench;

import dev.userkit.internal.RateLimiter;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.AttemptCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * alone (a SHA-256), to show what the counter itself adds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RateLimiterBenchmark {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int SUBJECTS = 1000;

    private RateLimiter limiter;
    private KeyCycle subjects;

    /** A limiter over a fresh in-memory store and a fixed clock (every hit lands in one window). */
    @Setup
    public void create() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        limiter = new RateLimiter(InMemoryStores.create().attempts(), clock);
        String[] keys = new String[SUBJECTS];
        for (int i = 0; i < SUBJECTS; i++) keys[i] = "user" + i + "@example.test";
        subjects = new KeyCycle(keys);
    }

    /** Baseline: the hashed key alone. */
    @Benchmark
    public String baselineKeyHash() {
        return RateLimiter.key("login-id", subjects.next());
    }

    /** Key hash plus the atomic increment in the store. */
    @Benchmark
    public AttemptCount hit() {
        return limiter.hit("login-id", subjects.next(), WINDOW);
    }
}
