package dev.userkit.bench.rounds;

import dev.userkit.ClientContext;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.bench.PortInterceptor;
import dev.userkit.bench.rounds.Results.SlidingWrites;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.Stores;
import dev.userkit.testkit.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Goal 2 (SEC-18): many threads validate one session whose sliding write is due, released
 * together, once per interval; the sliding writes that reach the store are counted through a
 * counting wrapper of its session store (reads still go through the store's own session reads).
 * At most one may change the row per interval, and no validation may fail.
 */
final class SlidingWriteCheck {
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger guardedAttempts = new AtomicInteger();
    private final AtomicInteger unconditional = new AtomicInteger();

    private SlidingWriteCheck() {}

    static SlidingWrites run(BenchTarget target, Workload w, int threads, int intervals, int validationsPerThread) throws Exception {
        return new SlidingWriteCheck().measure(target, w, threads, intervals, validationsPerThread);
    }

    private SlidingWrites measure(BenchTarget target, Workload w, int threads, int intervals, int validationsPerThread) throws Exception {
        Stores real = target.stores();
        Stores counted = real.toBuilder().sessions(counting(real.sessions())).sessionReads(real.sessionReads()).build();
        MutableClock clock = new MutableClock(w.start);
        UserKitConfig config = Workload.config(PasswordHashing.insecureForTestsOnly()).build();
        UserKit kit = UserKit.builder().stores(counted).config(config).clock(clock).build();
        // a user of its own with a cheap hash, so that this login costs no production hash
        kit.accounts().register(Workload.newUser("sliding"), ClientContext.NONE);
        String token = kit.sessions().login("sliding", Workload.PASSWORD, ClientContext.NONE).token();

        List<Integer> writesPerInterval = new ArrayList<>();
        List<Integer> attemptsPerInterval = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 1; i <= intervals; i++) {
                // just past the interval since the last write, so that this round's first validation is due to slide
                clock.set(w.start.plus(config.slidingWriteInterval().plusSeconds(1).multipliedBy(i)));
                writes.set(0);
                guardedAttempts.set(0);
                CyclicBarrier together = new CyclicBarrier(threads);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        together.await();
                        for (int v = 0; v < validationsPerThread; v++) {
                            try {
                                kit.sessions().validate(token);
                            } catch (UserKitException e) {
                                failed.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get();
                writesPerInterval.add(writes.get());
                attemptsPerInterval.add(guardedAttempts.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return new SlidingWrites(threads, validationsPerThread, writesPerInterval, attemptsPerInterval, unconditional.get(), failed.get());
    }

    private SessionStore counting(SessionStore target) {
        return PortInterceptor.wrap(SessionStore.class, target, (method, call) -> {
            Object result = call.proceed();
            switch (method.getName()) {
                case "touchIfLastSeen" -> {
                    guardedAttempts.incrementAndGet();
                    if (Boolean.TRUE.equals(result)) writes.incrementAndGet();
                }
                case "touch" -> {
                    unconditional.incrementAndGet();
                    if (Boolean.TRUE.equals(result)) writes.incrementAndGet();
                }
                default -> { }
            }
            return result;
        });
    }
}
