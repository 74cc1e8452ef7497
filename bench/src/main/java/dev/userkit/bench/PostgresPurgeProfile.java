package dev.userkit.bench;

import dev.userkit.bench.ServerSnapshot.Delta;
import dev.userkit.bench.ServerSnapshot.StatementTotals;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile of a purge on PostgreSQL (issue 9 goal 6 asks for one): per window, the statements' calls,
 * plan and execution time and WAL from {@code pg_stat_statements}; CPU and run-queue time of the
 * probe's backend, the purge's backend, the rest of the server and the JVM's threads from
 * {@code /proc/<pid>/schedstat}; and what the probe's backend was waiting on, sampled about every
 * millisecond ({@link WaitEventSampler}). The question it answers: does the probe's p99 rise during the
 * purge because the probe waits for a CPU, for a lock or for I/O.
 *
 * <p>The sampler and the snapshots cost CPU themselves (a backend and a thread, in every window alike);
 * their own processes are reported as {@code userkit-profile} and {@code wait-event sampler}.
 */
final class PostgresPurgeProfile implements PurgeProfile {
    private static final List<String> REPORTED = List.of("before", "during");
    private static final int STATEMENTS_PER_WINDOW = 6;
    private final Connection connection;
    private final WaitEventSampler sampler;
    private final String probe;
    private final String purge;
    private final long purgeThread = ServerSnapshot.currentThread();
    private final Map<String, Delta> windows = new LinkedHashMap<>();
    private String current;
    private ServerSnapshot last;

    /**
     * Starts sampling, in a window that is not reported until {@link #window} names one. Called on the
     * thread that will run the purge.
     *
     * @param url the server, as its administrator
     * @param probe the application name of the probe's connections
     * @param purge the application name of the purge's connections
     * @throws SQLException if the server cannot be reached
     */
    PostgresPurgeProfile(String url, String probe, String purge) throws SQLException {
        this.probe = probe;
        this.purge = purge;
        connection = DriverManager.getConnection(url);
        connection.setClientInfo("ApplicationName", ServerSnapshot.OWN);
        sampler = new WaitEventSampler(url, probe);
        last = ServerSnapshot.read(connection, probe, purge, purgeThread);
    }

    @Override
    public void window(String name) throws SQLException {
        ServerSnapshot now = ServerSnapshot.read(connection, probe, purge, purgeThread);
        sampler.window(name);
        if (current != null) windows.put(current, now.since(last));
        current = name;
        last = now;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connection; WaitEventSampler s = sampler) {
            // both close, the sampler first
        }
    }

    @Override
    public void report(ScaleReport report, String run, Map<String, Integer> validations, List<Long> stepNanos) {
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Map<String, Object>> statements = new ArrayList<>();
        List<Map<String, Object>> cpu = new ArrayList<>();
        List<Map<String, Object>> waits = new ArrayList<>();
        for (String name : REPORTED) {
            Delta d = windows.get(name);
            int n = validations.getOrDefault(name, 0);
            steps.add(stepRow(name, d, n, name.equals("during") ? stepNanos : List.of()));
            d.statements().values().stream().sorted(Comparator.comparingDouble(t -> -(t.planMillis() + t.execMillis())))
                    .limit(STATEMENTS_PER_WINDOW).forEach(t -> statements.add(statementRow(name, t)));
            d.sched().entrySet().stream().filter(e -> e.getValue().cpuNanos() > 0).sorted(Comparator.comparingLong(e -> -e.getValue().cpuNanos()))
                    .forEach(e -> cpu.add(schedRow(name, e.getKey(), d.processes().get(e.getKey()), e.getValue(), d.seconds(), n)));
            Map<String, Long> samples = sampler.samples(name);
            long all = samples.values().stream().mapToLong(Long::longValue).sum();
            long active = samples.entrySet().stream().filter(e -> e.getKey().startsWith("active")).mapToLong(Map.Entry::getValue).sum();
            samples.forEach((event, count) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("window", name);
                row.put("probe backend state / wait event", event);
                row.put("samples", count);
                row.put("% of samples", round(100.0 * count / all, 1));
                row.put("% of active samples", event.startsWith("active") ? round(100.0 * count / active, 1) : "");
                waits.add(row);
            });
        }
        report.table(run + ": the purge's steps and the server, per window", steps);
        report.table(run + ": pg_stat_statements, the " + STATEMENTS_PER_WINDOW + " statements of most plan + exec time per window", statements);
        report.table(run + ": CPU and run-queue wait (/proc/<pid>/schedstat), per window; per validation for the probe's processes", cpu);
        report.table(run + ": the probe backend's state and wait event in pg_stat_activity, sampled about every ms", waits);
    }

    private Map<String, Object> stepRow(String name, Delta d, int validations, List<Long> stepNanos) {
        StatementTotals s = d.statements().values().stream().filter(t -> isPurgeStep(t.query())).findFirst()
                .orElse(new StatementTotals("", 0, 0, 0, 0, 0, 0, 0, 0));
        long calls = Math.max(1, s.calls());
        double clientMillis = stepNanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("window", name);
        row.put("s", round(d.seconds(), 2));
        row.put("validations", validations);
        row.put("purge steps (DELETE calls)", s.calls());
        row.put("write transactions (xids)", d.writeTransactions());
        row.put("plan ms/step", round(s.planMillis() / calls, 3));
        row.put("plannings", s.plans());
        row.put("exec ms/step", round(s.execMillis() / calls, 3));
        row.put("rows/step", round((double) s.rows() / calls, 1));
        row.put("WAL records/step", round((double) s.walRecords() / calls, 1));
        row.put("WAL bytes/step", Math.round((double) s.walBytes() / calls));
        row.put("FPI/step", round((double) s.walFpi() / calls, 2));
        row.put("client wall ms/step", round(clientMillis, 3));
        row.put("client - server ms/step", round(clientMillis - (s.planMillis() + s.execMillis()) / calls, 3));
        long[] t = d.cpuTicks();
        int cores = Runtime.getRuntime().availableProcessors();
        row.put("machine busy (cores of " + cores + ")", round(cores * (double) t[0] / Math.max(1, t[2]), 2));
        row.put("steal %", round(100.0 * t[1] / Math.max(1, t[2]), 1));
        return row;
    }

    private static Map<String, Object> statementRow(String name, StatementTotals t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("window", name);
        row.put("statement", t.query().length() > 90 ? t.query().substring(0, 90) + "..." : t.query());
        row.put("calls", t.calls());
        row.put("rows/call", round((double) t.rows() / t.calls(), 1));
        row.put("plans", t.plans());
        row.put("plan ms/call", round(t.planMillis() / t.calls(), 4));
        row.put("exec ms/call", round(t.execMillis() / t.calls(), 4));
        row.put("plan + exec ms", round(t.planMillis() + t.execMillis(), 1));
        row.put("WAL bytes/call", Math.round((double) t.walBytes() / t.calls()));
        row.put("FPI/call", round((double) t.walFpi() / t.calls(), 3));
        return row;
    }

    private Map<String, Object> schedRow(String name, String group, long processes, SchedStat s, double seconds, int validations) {
        boolean probing = group.endsWith(probe) || group.contains("validation-probe");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("window", name);
        row.put("process", group);
        row.put("processes", processes);
        row.put("CPU ms", round(s.cpuNanos() / 1e6, 1));
        row.put("run-queue ms", round(s.waitNanos() / 1e6, 1));
        row.put("% of a core", round(100 * s.cpuNanos() / 1e9 / seconds, 1));
        row.put("run-queue / CPU", s.cpuNanos() == 0 ? "" : round((double) s.waitNanos() / s.cpuNanos(), 2));
        row.put("times scheduled", s.slices());
        row.put("CPU µs/validation", probing ? round(s.cpuNanos() / 1e3 / validations, 1) : "");
        row.put("run-queue µs/validation", probing ? round(s.waitNanos() / 1e3 / validations, 1) : "");
        return row;
    }

    // the walk's batch statement (BlockRangePurge), not the first step's look-up of the table's extent
    private static boolean isPurgeStep(String query) {
        return query.startsWith("DELETE FROM userkit_sessions WHERE ctid");
    }

    private static double round(double v, int digits) {
        return PurgeScaling.round(v, digits);
    }
}
