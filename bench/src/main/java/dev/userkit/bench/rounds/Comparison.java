package dev.userkit.bench.rounds;

import java.util.ArrayList;
import java.util.List;

/**
 * An operation and its peers against one baseline, measured in the same rounds on the same
 * threads and pool; each column's figure is read as its throughput over the baseline's.
 *
 * @param key a short name, for the JSON and the goal it checks
 * @param title what is compared, as the tables show it
 * @param baseline the raw operation the others are divided by
 * @param columns the operation and its peers
 * @param threads the thread counts to run it at
 */
record Comparison(String key, String title, Column baseline, List<Column> columns, List<Integer> threads) {
    Comparison {
        columns = List.copyOf(columns);
        threads = List.copyOf(threads);
    }

    /** The baseline, then the columns, rotated by {@code round} so that no column always runs first or last. */
    List<Column> orderFor(int round) {
        List<Column> all = new ArrayList<>();
        all.add(baseline);
        all.addAll(columns);
        java.util.Collections.rotate(all, round);
        return all;
    }
}
