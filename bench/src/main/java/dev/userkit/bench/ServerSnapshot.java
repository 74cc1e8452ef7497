package dev.userkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counters of one moment of a profiled purge run on PostgreSQL: {@code pg_stat_statements} per
 * statement, the scheduler's counters of every backend (grouped by application or process kind) and of
 * this JVM's threads (grouped by name), the next transaction id (every writing transaction takes one)
 * and the machine's CPU time. Two of them make a {@link Delta}.
 *
 * @param nanos when, a {@link System#nanoTime()}
 * @param statements totals by query id
 * @param processes group and counters by process id (backend pid, or JVM thread id for groups that begin with {@code jvm})
 * @param nextXid the next transaction id
 * @param cpuTicks the machine's CPU time: busy, steal and all, in clock ticks ({@code /proc/stat})
 */
record ServerSnapshot(long nanos, Map<Long, StatementTotals> statements, Map<Long, Process> processes, long nextXid, long[] cpuTicks) {
    /** The marker in the profile's own queries, by which they are left out of the statements. */
    static final String OWN = "userkit-profile";
    private static final String STATEMENTS = "SELECT /* " + OWN + " */ queryid, query, calls, plans, total_plan_time, total_exec_time, "
            + "rows, wal_records, wal_bytes, wal_fpi FROM pg_stat_statements "
            + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%" + OWN + "%'";
    private static final String BACKENDS = "SELECT /* " + OWN + " */ pid, CASE WHEN application_name IN (?, ?, ?) THEN application_name "
            + "ELSE backend_type END FROM pg_stat_activity";
    private static final String NEXT_XID = "SELECT /* " + OWN + " */ pg_snapshot_xmax(pg_current_snapshot())::text::bigint";

    /**
     * Reads the counters now.
     *
     * @param c a connection of the profile's own
     * @param probe the application name of the probe's connections
     * @param purge the application name of the purge's connections
     * @param purgeThread the Linux id of the JVM thread that runs the purge
     * @return the snapshot
     * @throws SQLException if the server refuses
     */
    static ServerSnapshot read(Connection c, String probe, String purge, long purgeThread) throws SQLException {
        long nanos = System.nanoTime();
        Map<Long, StatementTotals> statements = new HashMap<>();
        Map<Long, Process> processes = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(STATEMENTS)) {
            while (rs.next()) {
                statements.put(rs.getLong(1), new StatementTotals(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
            }
        }
        try (var ps = c.prepareStatement(BACKENDS)) {
            ps.setString(1, probe);
            ps.setString(2, purge);
            ps.setString(3, OWN);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) processes.put(rs.getLong(1), new Process("postgres: " + rs.getString(2), SchedStat.ofProcess(rs.getLong(1))));
            }
        }
        SchedStat.jvmThreads().forEach((tid, name) -> processes.put(-tid,
                new Process(tid == purgeThread ? "jvm: the thread that runs the purge" : jvmGroup(name), SchedStat.ofJvmThread(tid))));
        long xid;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(NEXT_XID)) {
            rs.next();
            xid = rs.getLong(1);
        }
        return new ServerSnapshot(nanos, statements, processes, xid, readCpuTicks());
    }

    /** @return the Linux id of the calling thread */
    static long currentThread() {
        try {
            return Long.parseLong(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
        } catch (IOException e) {
            throw new IllegalStateException("no /proc/thread-self", e);
        }
    }

    // the JVM's threads that matter here; Linux keeps the first 15 characters of a thread's name
    private static String jvmGroup(String name) {
        if (name.startsWith("validation-pro")) return "jvm: validation-probe thread";
        if (name.startsWith("wait-event-sam")) return "jvm: wait-event sampler";
        if (name.startsWith("C1 ") || name.startsWith("C2 ")) return "jvm: JIT compilers";
        if (name.startsWith("GC ") || name.startsWith("G1 ")) return "jvm: GC";
        return "jvm: other threads";
    }

    // the first line of /proc/stat: user nice system idle iowait irq softirq steal ...
    private static long[] readCpuTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) total += Long.parseLong(f[i]);
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, Long.parseLong(f[8]), total};
        } catch (IOException e) {
            return new long[] {0, 0, 0};
        }
    }

    /**
     * What happened between an earlier snapshot and this one.
     *
     * @param from the earlier snapshot
     * @return the differences
     */
    Delta since(ServerSnapshot from) {
        Map<Long, StatementTotals> ran = new HashMap<>();
        statements.forEach((id, t) -> {
            StatementTotals d = t.minus(from.statements.get(id));
            if (d.calls() > 0) ran.put(id, d);
        });
        // a process that started within the window counts from zero; one that ended within it is lost
        Map<String, long[]> groups = new LinkedHashMap<>();
        Map<String, SchedStat> sched = new LinkedHashMap<>();
        processes.forEach((pid, p) -> {
            Process before = from.processes.get(pid);
            sched.merge(p.group(), p.sched().minus(before == null ? SchedStat.ZERO : before.sched()), SchedStat::plus);
            groups.computeIfAbsent(p.group(), g -> new long[1])[0]++;
        });
        Map<String, Long> counts = new LinkedHashMap<>();
        groups.forEach((g, n) -> counts.put(g, n[0]));
        long[] cpu = {cpuTicks[0] - from.cpuTicks[0], cpuTicks[1] - from.cpuTicks[1], cpuTicks[2] - from.cpuTicks[2]};
        return new Delta((nanos - from.nanos) / 1e9, ran, sched, counts, nextXid - from.nextXid, cpu);
    }

    /**
     * One statement's totals as {@code pg_stat_statements} keeps them.
     *
     * @param query the normalised text
     * @param calls executions
     * @param plans plannings (a prepared statement's generic plan is planned once)
     * @param planMillis time spent planning
     * @param execMillis time spent executing
     * @param rows rows returned or changed
     * @param walRecords WAL records written
     * @param walBytes WAL bytes written
     * @param walFpi full-page images written
     */
    record StatementTotals(String query, long calls, long plans, double planMillis, double execMillis, long rows,
                           long walRecords, long walBytes, long walFpi) {
        StatementTotals minus(StatementTotals o) {
            if (o == null) return this;
            return new StatementTotals(query, calls - o.calls, plans - o.plans, planMillis - o.planMillis, execMillis - o.execMillis,
                    rows - o.rows, walRecords - o.walRecords, walBytes - o.walBytes, walFpi - o.walFpi);
        }
    }

    /**
     * A process or thread: the group it is reported in and its scheduler counters.
     *
     * @param group e.g. {@code postgres: userkit-probe} or {@code jvm: main thread (runs the purge)}
     * @param sched its counters
     */
    record Process(String group, SchedStat sched) {}

    /**
     * The differences between two snapshots.
     *
     * @param seconds the time between them
     * @param statements the statements that ran, by query id
     * @param sched scheduler counters by group
     * @param processes how many processes or threads each group had at the end
     * @param writeTransactions transaction ids taken: transactions that wrote, purge steps among them
     * @param cpuTicks the machine's busy, steal and total CPU ticks
     */
    record Delta(double seconds, Map<Long, StatementTotals> statements, Map<String, SchedStat> sched, Map<String, Long> processes,
                 long writeTransactions, long[] cpuTicks) {}
}
