package dev.userkit.bench;

import dev.userkit.sessions.Sessions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Live traffic for the scale runs: threads that each validate a random live session of a
 * {@link BulkSessions} fill at a fixed rate, recording when each validation started and how long it
 * took, so that the latencies of any span (before a purge, during it) can be read afterwards. With each
 * it records what Linux's scheduler counted for the thread meanwhile ({@link SchedStat}: time on a CPU
 * and time runnable but waiting for one), read just outside the timed span, so that the slowest
 * validations can be told apart: waiting for a CPU in the JVM, or off the CPU (the database, the
 * network, a JVM safepoint). A
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
                SchedStat before = SchedStat.ofCurrentThread();
                long start = System.nanoTime();
                sessions.validate(token);
                long took = System.nanoTime() - start;
                mine.add(start, took, SchedStat.ofCurrentThread().minus(before));
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
        long[][] all = samples.stream().flatMap(s -> s.between(fromNanos, toNanos)).sorted(Comparator.comparingLong(v -> v[0]))
                .toArray(long[][]::new);
        long[] sorted = Arrays.stream(all).mapToLong(v -> v[0]).toArray();
        // the slowest 1 %: those at or above the 99th percentile
        long[][] tail = Arrays.copyOfRange(all, Math.max(0, (int) Math.ceil(0.99 * all.length) - 1), all.length);
        return new Latencies(all.length, percentile(sorted, 0.50), percentile(sorted, 0.99), means(all), means(tail));
    }

    // mean latency, run-queue wait and CPU time of the thread, ms
    private static Spent means(long[][] of) {
        double n = Math.max(1, of.length);
        return new Spent(of.length, Arrays.stream(of).mapToLong(v -> v[0]).sum() / n / 1e6,
                Arrays.stream(of).mapToLong(v -> v[1]).sum() / n / 1e6, Arrays.stream(of).mapToLong(v -> v[2]).sum() / n / 1e6);
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
     * @param all where the time of all of them went, on average
     * @param slowest where the time of the slowest 1 % went, on average
     */
    record Latencies(int count, double p50Millis, double p99Millis, Spent all, Spent slowest) {}

    /**
     * Where the time of some validations went, on average, as the probe thread's scheduler counters
     * saw it; the rest of the latency the thread was off the CPU, blocked (on the database's answer, or
     * stopped at a JVM safepoint).
     *
     * @param count how many validations
     * @param latencyMillis their mean latency
     * @param runQueueMillis the probe thread's mean time runnable, waiting for a CPU
     * @param cpuMillis the probe thread's mean time on a CPU
     */
    record Spent(int count, double latencyMillis, double runQueueMillis, double cpuMillis) {
        /** @return the mean time the thread was neither on a CPU nor waiting for one, ms */
        double blockedMillis() {
            return latencyMillis - runQueueMillis - cpuMillis;
        }

        /**
         * @param window the span, e.g. {@code during}
         * @param which which validations, e.g. {@code slowest 1 %}
         * @return a row of a report's table
         */
        Map<String, Object> row(String window, String which) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("window", window);
            row.put("validations", which);
            row.put("count", count);
            row.put("mean latency ms", PurgeScaling.round(latencyMillis, 3));
            row.put("probe thread run-queue ms", PurgeScaling.round(runQueueMillis, 3));
            row.put("probe thread CPU ms", PurgeScaling.round(cpuMillis, 3));
            row.put("off CPU (blocked) ms", PurgeScaling.round(blockedMillis(), 3));
            return row;
        }
    }

    /** One thread's samples, read only after the thread stopped. */
    private static final class Samples {
        private long[] starts = new long[1 << 16];
        private long[] nanos = new long[1 << 16];
        private long[] waits = new long[1 << 16];
        private long[] cpus = new long[1 << 16];
        private int size;

        void add(long start, long took, SchedStat thread) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                nanos = Arrays.copyOf(nanos, size * 2);
                waits = Arrays.copyOf(waits, size * 2);
                cpus = Arrays.copyOf(cpus, size * 2);
            }
            starts[size] = start;
            waits[size] = thread.waitNanos();
            cpus[size] = thread.cpuNanos();
            nanos[size++] = took;
        }

        /** @return latency, run-queue wait and CPU time of each validation that started in the span */
        Stream<long[]> between(long from, long to) {
            return IntStream.range(0, size).filter(i -> starts[i] >= from && starts[i] < to).mapToObj(i -> new long[] {nanos[i], waits[i], cpus[i]});
        }
    }
}
