package dev.userkit.bench.rounds;

import dev.userkit.bench.rounds.Results.ColumnRound;
import dev.userkit.bench.rounds.Results.Compared;
import dev.userkit.bench.rounds.Results.Ratio;
import dev.userkit.bench.rounds.Results.Round;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a comparison in interleaved rounds: in every round each column runs once for the same
 * length, on the same threads, in an order rotated from round to round, so that drift in the
 * machine's load reaches every column alike and a ratio is taken between figures measured
 * seconds apart. Warm-up rounds run the same way and are dropped.
 */
final class RoundRunner {
    private final Duration length;
    private final int rounds;
    private final int warmupRounds;

    RoundRunner(Duration length, int rounds, int warmupRounds) {
        this.length = length;
        this.rounds = rounds;
        this.warmupRounds = warmupRounds;
    }

    Compared run(Comparison comparison, int threads) throws BenchFailure {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-" + comparison.key());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Round> measured = new ArrayList<>();
            for (int r = 0; r < warmupRounds + rounds; r++) {
                List<ColumnRound> columns = new ArrayList<>();
                for (Column c : comparison.orderFor(r)) columns.add(measure(c, pool, threads));
                if (r >= warmupRounds) measured.add(new Round(r - warmupRounds + 1, columns));
            }
            List<Ratio> ratios = new ArrayList<>();
            for (Column c : comparison.columns()) {
                List<Double> perRound = measured.stream()
                        .map(round -> round.of(c.name()).perSecond() / round.of(comparison.baseline().name()).perSecond()).toList();
                ratios.add(Ratio.of(c.name(), perRound));
            }
            return new Compared(comparison.key(), comparison.title(), comparison.baseline().name(), threads, measured, ratios);
        } finally {
            pool.shutdownNow();
        }
    }

    private ColumnRound measure(Column column, ExecutorService pool, int threads) throws BenchFailure {
        if (column.prepare() != null) {
            try {
                column.prepare().call();
            } catch (Exception e) {
                throw new BenchFailure(column.name() + ": preparing its round failed", e);
            }
        }
        Long readsBefore = column.storeReads() == null ? null : column.storeReads().getAsLong();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        List<Future<LatencyHistogram>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                // the latch publishes start[0], written before it opened
                long deadline = start[0] + length.toNanos();
                LatencyHistogram h = new LatencyHistogram();
                for (long t0 = System.nanoTime(); t0 < deadline; t0 = System.nanoTime()) {
                    column.operation().call();
                    h.record(System.nanoTime() - t0);
                }
                return h;
            }));
        }
        LatencyHistogram all = new LatencyHistogram();
        try {
            ready.await();
            start[0] = System.nanoTime();
            go.countDown();
            for (Future<LatencyHistogram> f : futures) all.add(f.get());
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw new BenchFailure(column.name() + " at " + threads + " threads failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure(column.name() + " interrupted", e);
        }
        double seconds = (System.nanoTime() - start[0]) / 1e9;
        Long storeReads = readsBefore == null ? null : column.storeReads().getAsLong() - readsBefore;
        return new ColumnRound(column.name(), all.count(), seconds, all.count() / seconds, all.percentile(0.50) / 1e3,
                all.percentile(0.99) / 1e3, storeReads);
    }
}
