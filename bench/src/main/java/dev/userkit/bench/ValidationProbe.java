package dev.userkit.bench;

import dev.userkit.sessions.Sessions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Live traffic for the scale runs: threads that each validate a random live session of a
 * {@link BulkSessions} fill at a fixed rate, recording when each validation started and how long it
 * took, so that the latencies of any span (before a purge, during it) can be read afterwards. A
 * validation that fails stops the probe and fails {@link #close()}: a purge that deleted a live
 * session shows there.
 */
final class ValidationProbe implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final List<Samples> samples = new ArrayList<>();
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /**
     * Starts the threads.
     *
     * @param sessions the service to validate through
     * @param expired how many expired sessions the space was filled with (as many are live)
     * @param threadCount how many threads
     * @param perSecond validations per second per thread
     */
    ValidationProbe(Sessions sessions, long expired, int threadCount, int perSecond) {
        long period = 1_000_000_000L / perSecond;
        for (int t = 0; t < threadCount; t++) {
            Samples mine = new Samples();
            SplittableRandom random = new SplittableRandom(31L * t + expired);
            samples.add(mine);
            Thread thread = new Thread(() -> run(sessions, expired, period, random, mine), "validation-probe-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run(Sessions sessions, long expired, long period, SplittableRandom random, Samples mine) {
        long next = System.nanoTime();
        try {
            while (running) {
                String token = BulkSessions.liveToken(random, expired);
                long start = System.nanoTime();
                sessions.validate(token);
                mine.add(start, System.nanoTime() - start);
                next += period;
                long wait = next - System.nanoTime();
                // behind schedule (a slow validation): start again from now rather than in a burst
                if (wait > 0) LockSupport.parkNanos(wait); else next = System.nanoTime();
            }
        } catch (RuntimeException e) {
            failure = e;
            running = false;
        }
    }

    /**
     * The latencies of the validations that started in a span.
     *
     * @param fromNanos the span's start, a {@link System#nanoTime()}
     * @param toNanos its end
     * @return their count and percentiles
     */
    Latencies between(long fromNanos, long toNanos) {
        long[] all = samples.stream().flatMapToLong(s -> s.between(fromNanos, toNanos)).sorted().toArray();
        return new Latencies(all.length, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Stops the threads; throws the first validation failure, if any. */
    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) throw new IllegalStateException("a live session failed validation", failure);
    }

    /**
     * Validation latencies of one span.
     *
     * @param count how many validations
     * @param p50Millis the median, ms
     * @param p99Millis the 99th percentile, ms
     */
    record Latencies(int count, double p50Millis, double p99Millis) {}

    /** One thread's samples, read only after the thread stopped. */
    private static final class Samples {
        private long[] starts = new long[1 << 16];
        private long[] nanos = new long[1 << 16];
        private int size;

        void add(long start, long took) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            starts[size] = start;
            nanos[size++] = took;
        }

        java.util.stream.LongStream between(long from, long to) {
            return java.util.stream.IntStream.range(0, size).filter(i -> starts[i] >= from && starts[i] < to).mapToLong(i -> nanos[i]);
        }
    }
}
