package dev.userkit.bench.rounds;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What a profile run found, as plain records the report turns into markdown and JSON. */
final class Profiles {
    private Profiles() {}

    /**
     * A part of the CPU samples.
     *
     * @param name the library or method
     * @param samples how many samples it had
     * @param percent its share of all samples
     */
    record Share(String name, long samples, double percent) {
        /** The largest {@code limit} counts of {@code counts}, as shares of {@code total}, largest first. */
        static List<Share> of(Map<String, Long> counts, long total, int limit) {
            return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).map(e -> new Share(e.getKey(), e.getValue(), total == 0 ? 0 : 100.0 * e.getValue() / total)).toList();
        }
    }

    /**
     * The calling threads' CPU while a column ran (JFR).
     *
     * @param samples execution samples (a thread running Java code)
     * @param nativeSamples native-method samples (a thread in native code: mostly waiting on a socket)
     * @param byTopFrame the execution samples by the library of the top frame
     * @param byCaller the execution samples by the first library down the stack that is not the JDK
     * @param topMethods the top frames with the most samples
     */
    record CpuProfile(long samples, long nativeSamples, List<Share> byTopFrame, List<Share> byCaller, List<Share> topMethods) {}

    /**
     * One statement of a column, per call of the column.
     *
     * @param statement the server's normalised text
     * @param perCall how many times it ran per call of the column
     * @param rowsPerRun rows it returned or changed per run
     * @param meanMicros the server's mean execution time per run
     * @param wrote whether it changed anything (WAL records on PostgreSQL, rows affected on MariaDB)
     */
    record StatementShare(String statement, double perCall, double rowsPerRun, double meanMicros, boolean wrote) {}

    /**
     * One column, profiled.
     *
     * @param operation the comparison it belongs to (validate, authorize, login, register)
     * @param column the column's name, as in StoreBench
     * @param threads calling threads
     * @param calls calls profiled (after as many warm-up calls)
     * @param wallMicrosPerCall wall time per call and thread (the latency at this thread count)
     * @param clientCpuMicrosPerCall the calling threads' CPU time per call (ThreadMXBean)
     * @param statementsPerCall statements the server ran per call
     * @param writesPerCall statements per call that changed something
     * @param dbMicrosPerCall the server's execution time of those statements per call
     * @param statements each statement, most frequent first
     * @param serverPerCall server-wide counters (commits, WAL or redo writes and flushes) per call
     * @param cpu the client's CPU samples
     */
    record ColumnProfile(String operation, String column, int threads, long calls, double wallMicrosPerCall, double clientCpuMicrosPerCall,
                         double statementsPerCall, double writesPerCall, double dbMicrosPerCall, List<StatementShare> statements,
                         Map<String, Double> serverPerCall, CpuProfile cpu) {}

    /**
     * A profile of one store.
     *
     * @param store the store's key (postgres, mariadb, ...)
     * @param server where it ran
     * @param counterSource where the statement counts come from
     * @param durability the server's settings that decide whether a commit waits for a log flush
     * @param settings the run's settings, as given
     * @param machine the machine
     * @param loadBefore load averages (1, 5, 15 min) before the store's run
     * @param loadAfter load averages after it
     * @param startedAt when the store's run started (UTC, ISO-8601)
     * @param seconds how long it took
     * @param columns every column profiled
     * @param errors what failed; a run with errors exits non-zero
     */
    record ProfileRun(String store, String server, String counterSource, Map<String, String> durability, String settings, Machine machine, List<Double> loadBefore,
                      List<Double> loadAfter, String startedAt, double seconds, List<ColumnProfile> columns, List<String> errors) {}
}
