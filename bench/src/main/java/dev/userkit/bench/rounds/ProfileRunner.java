package dev.userkit.bench.rounds;

import dev.userkit.bench.rounds.Profiles.ColumnProfile;
import dev.userkit.bench.rounds.Profiles.CpuProfile;
import dev.userkit.bench.rounds.Profiles.StatementShare;
import dev.userkit.bench.rounds.StatementCounter.StatementCount;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Profiles one column: a warm-up of as many calls (and the column's own preparation, if any), then the server's statement counts reset, JFR
 * sampling started, the calls made (split over the threads, each thread timing its own CPU), and the
 * server's counts read and divided by the calls. Counts, not speed, are the point: the figures of time
 * come from a sampled, counted run and are read against each other, never against StoreBench's.
 */
final class ProfileRunner {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final StatementCounter counter;

    ProfileRunner(StatementCounter counter) {
        this.counter = counter;
    }

    /**
     * Calls a column as its profile would, uncounted: run over every column before the first is profiled, so that
     * the JIT's compilations and each pooled connection's first statements land on no column's figures.
     */
    void warmUp(Column column, int threads, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, named());
        try {
            run(column, pool, threads, calls);
        } finally {
            pool.shutdownNow();
        }
    }

    ColumnProfile profile(String operation, Column column, int threads, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, named());
        try {
            run(column, pool, threads, calls);
            // a column that prepares its rounds (a warmed cache) is profiled as StoreBench measures it: prepared
            if (column.prepare() != null) column.prepare().call();
            counter.reset();
            long start = System.nanoTime();
            long cpuNanos;
            CpuProfile cpu;
            try (CpuSampler sampler = CpuSampler.start()) {
                cpuNanos = run(column, pool, threads, calls);
                cpu = sampler.stop();
            }
            double wallMicros = (System.nanoTime() - start) / 1e3;
            return summarise(operation, column.name(), threads, calls, wallMicros, cpuNanos, cpu);
        } finally {
            pool.shutdownNow();
        }
    }

    private ColumnProfile summarise(String operation, String column, int threads, int calls, double wallMicros, long cpuNanos, CpuProfile cpu)
            throws Exception {
        List<StatementCount> counts = counter.statements();
        Map<String, Long> server = counter.serverCounters();
        List<StatementShare> statements = new ArrayList<>();
        double perCall = 0;
        double writes = 0;
        double dbMicros = 0;
        for (StatementCount s : counts) {
            statements.add(new StatementShare(s.statement(), (double) s.calls() / calls, (double) s.rows() / s.calls(),
                    s.totalMicros() / s.calls(), s.wrote()));
            perCall += (double) s.calls() / calls;
            if (s.wrote()) writes += (double) s.calls() / calls;
            dbMicros += s.totalMicros() / calls;
        }
        Map<String, Double> serverPerCall = new LinkedHashMap<>();
        server.forEach((name, value) -> serverPerCall.put(name, (double) value / calls));
        return new ColumnProfile(operation, column, threads, calls, wallMicros * threads / calls, cpuNanos / 1e3 / calls, perCall, writes,
                dbMicros, statements, serverPerCall, cpu);
    }

    /** Makes {@code calls} calls over {@code threads} threads, released together; returns their CPU time in all. */
    private static long run(Column column, ExecutorService pool, int threads, int calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = calls / threads + (t < calls % threads ? 1 : 0);
            parts.add(pool.submit(() -> {
                go.await();
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < share; i++) column.operation().call();
                return THREADS.getCurrentThreadCpuTime() - cpu0;
            }));
        }
        go.countDown();
        long cpu = 0;
        try {
            for (Future<Long> f : parts) cpu += f.get();
        } catch (ExecutionException e) {
            parts.forEach(f -> f.cancel(true));
            throw new BenchFailure(column.name() + " failed while profiled", e.getCause());
        }
        return cpu;
    }

    private static java.util.concurrent.ThreadFactory named() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, CpuSampler.THREAD_PREFIX + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
