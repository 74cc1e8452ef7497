package dev.userkit.bench.rounds;

import java.util.Arrays;
import java.util.List;

/** What a run measured, as plain records the reports turn into markdown and JSON. */
final class Results {
    private Results() {}

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * One column in one round.
     *
     * @param column the column's name
     * @param calls calls completed
     * @param seconds how long the round ran, from the start signal to the last thread's end
     * @param perSecond calls per second over all threads
     * @param p50Micros median latency
     * @param p99Micros 99th percentile latency
     * @param storeReads reads that reached the store during the round (a cached column's misses), or null where not counted
     */
    record ColumnRound(String column, long calls, double seconds, double perSecond, double p50Micros, double p99Micros, Long storeReads) {}

    /**
     * One round: every column once, in the order they ran.
     *
     * @param round the round's number, from 1
     * @param columns each column's figures
     */
    record Round(int round, List<ColumnRound> columns) {
        ColumnRound of(String column) {
            return columns.stream().filter(c -> c.column().equals(column)).findFirst().orElseThrow();
        }
    }

    /**
     * A column's throughput over the baseline's, round by round.
     *
     * @param column the column
     * @param perRound the ratio of each round
     * @param median their median
     * @param min the smallest
     * @param max the largest
     */
    record Ratio(String column, List<Double> perRound, double median, double min, double max) {
        static Ratio of(String column, List<Double> perRound) {
            double[] v = perRound.stream().mapToDouble(Double::doubleValue).toArray();
            return new Ratio(column, List.copyOf(perRound), Results.median(v), Arrays.stream(v).min().orElseThrow(), Arrays.stream(v).max().orElseThrow());
        }
    }

    /**
     * A comparison at one thread count.
     *
     * @param key the comparison's short name
     * @param title what is compared
     * @param baseline the baseline column's name
     * @param threads how many threads called at once
     * @param rounds the measured rounds (warm-up rounds left out)
     * @param ratios each non-baseline column against the baseline
     */
    record Compared(String key, String title, String baseline, int threads, List<Round> rounds, List<Ratio> ratios) {}

    /**
     * Concurrent validations of one session whose sliding write is due (SEC-18, goal 2).
     *
     * @param threads validating threads per interval, released together
     * @param validationsPerThread validations each thread made per interval
     * @param writesPerInterval sliding writes that changed the row, per interval
     * @param guardedAttemptsPerInterval guarded writes sent, per interval, including those that changed nothing
     * @param unconditionalWrites unconditional touches sent over all intervals (validation should send none)
     * @param failedValidations validations that failed (a spurious TOKEN_INVALID among them)
     */
    record SlidingWrites(int threads, int validationsPerThread, List<Integer> writesPerInterval,
                         List<Integer> guardedAttemptsPerInterval, int unconditionalWrites, int failedValidations) {
        /** At most one write per interval, none unconditional, no failed validation. */
        boolean atMostOnePerInterval() {
            return writesPerInterval.stream().allMatch(w -> w <= 1) && unconditionalWrites == 0 && failedValidations == 0;
        }
    }

    /**
     * Everything measured on one store.
     *
     * @param store the store's key (memory, postgres, mariadb, ...)
     * @param server where it ran
     * @param sessions live sessions stored (and as many in Spring Session's tables)
     * @param settings the run's settings, as given
     * @param machine the machine
     * @param loadBefore load averages (1, 5, 15 min) before the store's run
     * @param loadAfter load averages after it
     * @param startedAt when the store's run started (UTC, ISO-8601)
     * @param seconds how long it took
     * @param compared every comparison at every thread count
     * @param sliding the sliding-write check, or null if it did not run
     * @param notes columns skipped and why
     * @param errors what failed; a run with errors exits non-zero
     */
    record StoreRun(String store, String server, int sessions, String settings, Machine machine, List<Double> loadBefore,
                    List<Double> loadAfter, String startedAt, double seconds, List<Compared> compared, SlidingWrites sliding,
                    List<String> notes, List<String> errors) {}
}
