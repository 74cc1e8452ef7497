package dev.userkit.testkit.features;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs a task on real threads that start together, and collects each thread's outcome. */
final class Concurrently {
    private Concurrently() {}

    /** What one thread got: a value or an exception. */
    record Outcome<T>(T value, Throwable failure) {}

    /** Runs {@code task(i)} for i in 0..threads-1, all released at once; waits at most a minute. */
    static <T> List<Outcome<T>> run(int threads, IntFunction<T> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return new Outcome<>(task.apply(n), null);
                    } catch (RuntimeException e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            start.countDown();
            List<Outcome<T>> out = new ArrayList<>();
            for (Future<Outcome<T>> f : futures) {
                try {
                    out.add(f.get(1, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("A concurrent task did not finish", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
