package dev.userkit.bench;

import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.testing.TestServers;
import dev.userkit.store.postgres.PostgresStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** The embedded PostgreSQL (zonky) the store tests use; each space is a schema. */
final class PostgresBenchServer implements SqlBenchServer {
    // session i of BulkSessions: id md5('s' || i), token 'bench-' || i hashed as Secrets.sha256 does
    // (SHA-256, base64url, no padding), ends up to 30 days before "now" (even i) or after it (odd i)
    private static final String FILL = "INSERT INTO userkit_sessions (id, user_id, token_hash, created_at, last_seen_at, "
            + "idle_expires_at, absolute_expires_at, expires_at, data) "
            + "SELECT md5('s' || g.i)::uuid, u.id, "
            + "translate(rtrim(encode(sha256(convert_to('bench-' || g.i, 'UTF8')), 'base64'), '='), '+/', '-_'), "
            + "g.now - interval '31 days', CASE WHEN g.i % 2 = 1 THEN g.now ELSE g.now - interval '31 days' END, "
            + "g.ends, g.now + interval '31 days', g.ends, '{}' "
            + "FROM (SELECT i, n.now, n.now + (CASE WHEN i % 2 = 1 THEN 1 ELSE -1 END) * (1 + floor(random() * 2592000)) "
            + "* interval '1 second' AS ends FROM (SELECT CAST(? AS timestamptz) AS now) n, generate_series(?::bigint, ?::bigint) i) g "
            + "JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM userkit_users) u ON u.k = g.i % ?";

    private static final String COUNTERS = "SELECT format('WAL %s MB, %s full-page images; checkpoints %s; "
            + "autovacuums of the sessions table %s', w.wal_bytes / 1000000, w.wal_fpi, c.num_timed + c.num_requested, "
            + "(SELECT autovacuum_count FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = 'userkit_sessions')) "
            + "FROM pg_stat_wal w, pg_stat_checkpointer c";

    /** The prefix of the system properties passed to the server as settings. */
    private static final String SETTING = "pg.";
    private final EmbeddedPostgres pg;

    PostgresBenchServer() throws IOException {
        this(false);
    }

    /**
     * Starts the server.
     *
     * @param countStatements whether to load {@code pg_stat_statements}, planning time included (a
     *     {@link PurgeProfile} reads it); it costs every statement a little, so runs that only time leave it out
     * @throws IOException if the server does not start
     */
    PostgresBenchServer(boolean countStatements) throws IOException {
        // shared_buffers sized like the MariaDB buffer pool, so both keep the table in memory
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(TestServers.freePort())
                .setDataDirectory(TestServers.scratch("userkit-bench-pg").resolve("data"))
                .setServerConfig("shared_buffers", "1GB")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (countStatements) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_planning", "on");
        }
        // -Dpg.<setting>=<value> measures a server setting an operator would choose (e.g. pg.wal_compression=pglz)
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith(SETTING))
                .forEach(n -> builder.setServerConfig(n.substring(SETTING.length()), System.getProperty(n)));
        pg = builder.start();
        if (countStatements) {
            try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            } catch (SQLException e) {
                throw new IOException("cannot create pg_stat_statements", e);
            }
        }
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String adminUrl() {
        return pg.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public String withApplication(String url, String application) {
        return url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + application;
    }

    @Override
    public String createSpace(String space) {
        return "CREATE SCHEMA " + space;
    }

    @Override
    public String spaceUrl(String space) {
        return adminUrl();
    }

    @Override
    public String schemaOf(String space) {
        return space;
    }

    @Override
    public void migrate(DataSource ds, String space) {
        PostgresStores.open(ds, space, SchemaMode.MIGRATE);
    }

    @Override
    public Stores stores(DataSource ds) {
        return PostgresStores.over(ds);
    }

    @Override
    public void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    @Override
    public Statements statements(long upTo) {
        return new Statements(FILL, "VACUUM ANALYZE userkit_sessions", "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) ", COUNTERS);
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
