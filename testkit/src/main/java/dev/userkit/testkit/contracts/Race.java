package dev.userkit.testkit.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs one call on many real threads released at the same instant, to prove atomicity
 * (REL-1, REL-2, SEC-09). Bounded: every thread must finish within a minute.
 */
public final class Race {
    private static final long TIMEOUT_SECONDS = 60;

    /** What one thread's call gave: a value or the exception it threw. */
    public record Outcome<T>(T value, Throwable error) {
        /**
         * Whether the call returned normally.
         *
         * @return true if it returned, false if it threw
         */
        public boolean returned() {
            return error == null;
        }
    }

    private Race() {}

    /**
     * Calls {@code call.apply(i)} for i in 0..threads-1, each on its own thread, all released together.
     *
     * @param <T> the type of the call's result
     * @param threads how many threads call at once
     * @param call the call, given the thread's index
     * @return the outcomes, in index order
     */
    public static <T> List<Outcome<T>> run(int threads, IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<Outcome<T>> task = () -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome<>(call.apply(index), null);
                    } catch (RuntimeException | Error e) {
                        return new Outcome<>(null, e);
                    }
                };
                futures.add(pool.submit(task));
            }
            if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new AssertionError("threads did not start");
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> f : futures) outcomes.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a racing call did not complete", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The values of the calls that returned normally.
     *
     * @param <T> the type of the calls' results
     * @param outcomes the outcomes of a race
     * @return the returned values
     */
    public static <T> List<T> values(List<Outcome<T>> outcomes) {
        return outcomes.stream().filter(Outcome::returned).map(Outcome::value).toList();
    }

    /**
     * The exceptions of the calls that threw.
     *
     * @param <T> the type of the calls' results
     * @param outcomes the outcomes of a race
     * @return the thrown exceptions
     */
    public static <T> List<Throwable> errors(List<Outcome<T>> outcomes) {
        return outcomes.stream().filter(o -> !o.returned()).map(Outcome::error).toList();
    }
}
