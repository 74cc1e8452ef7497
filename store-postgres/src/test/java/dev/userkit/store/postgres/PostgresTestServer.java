package dev.userkit.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.store.jdbc.ConnectionSettings;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.jdbc.SqlDatabase;
import dev.userkit.spi.SchemaMode;
import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.TestServers;
import dev.userkit.store.jdbc.testing.TestSpace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests use, started once per JVM: the one in {@code USERKIT_PG_URL}
 * (with {@code USERKIT_PG_USER} / {@code USERKIT_PG_PASSWORD}), else a container, else an
 * embedded PostgreSQL (zonky). Each space is a schema. Public, and shipped in this module's test-jar,
 * so that the HTTP module's tests run on the same server (and the same environment switch) as the store's.
 */
public final class PostgresTestServer implements SqlTestServer {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresTestServer.class);
    private static PostgresTestServer shared;

    private final String description;
    private final String baseUrl;
    private final String user;
    private final String password;

    private PostgresTestServer(String description, String baseUrl, String user, String password) {
        this.description = description;
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    /** The JVM-wide server. */
    public static synchronized PostgresTestServer shared() {
        if (shared == null) {
            shared = start();
            LOG.info("PostgreSQL tests run on {}", shared.description);
        }
        return shared;
    }

    private static PostgresTestServer start() {
        switch (TestServers.choose("USERKIT_PG_URL")) {
            case ENVIRONMENT -> {
                PostgresSettings s = PostgresSettings.fromEnvironment().resolve();
                return new PostgresTestServer("server from USERKIT_PG_URL", s.url(), s.user(), s.password());
            }
            case DOCKER -> {
                PostgreSQLContainer c = new PostgreSQLContainer("postgres:18");
                c.start();
                return new PostgresTestServer("container " + c.getDockerImageName(), c.getJdbcUrl(), c.getUsername(),
                        c.getPassword());
            }
            default -> {
                EmbeddedPostgres pg = Embedded.start(TestServers.freePort(), TestServers.scratch("userkit-pg"));
                return new PostgresTestServer("embedded PostgreSQL (zonky)", pg.getJdbcUrl("postgres", "postgres"),
                        "postgres", null);
            }
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public TestSpace newEmptySpace(String prefix, Duration connectionTimeout) {
        String schema = TestServers.spaceName(prefix);
        execute(baseUrl, user, password, "CREATE SCHEMA " + schema);
        HikariDataSource ds = new PoolOptions(8, connectionTimeout).pool("test-" + schema, baseUrl, user, password, schema);
        return new TestSpace(schema, ds, PostgresStores::over);
    }

    @Override
    public TestSpace newSpace(String prefix) {
        TestSpace space = newEmptySpace(prefix, Duration.ofSeconds(10));
        new PostgresSchema(space.name()).apply(space.dataSource(), SchemaMode.MIGRATE);
        return space;
    }

    @Override
    public SqlTestServer.Restartable privateRestartable() {
        return new RestartableEmbedded();
    }

    @Override
    public SqlDatabase database() {
        return PostgresStores.DATABASE;
    }

    @Override
    public ConnectionSettings connection(String space) {
        ConnectionSettings server = ConnectionSettings.parse(baseUrl);
        return new ConnectionSettings(server.host(), server.port(), server.database(), user, password, space);
    }

    @Override
    public ConnectionSettings passwordLogin(String space, String login, String loginPassword) {
        execute(baseUrl, user, password, "DROP ROLE IF EXISTS " + login);
        execute(baseUrl, user, password, "CREATE ROLE " + login + " LOGIN PASSWORD '" + loginPassword + "'");
        requirePasswordOf(login);
        ConnectionSettings admin = connection(space);
        return new ConnectionSettings(admin.host(), admin.port(), admin.database(), login, loginPassword, space);
    }

    /**
     * A test server made by initdb trusts every local login (the embedded one, CI's throwaway cluster);
     * a line before the others makes it ask this one for its password. A container asks already, and
     * its file is not ours to write.
     */
    private void requirePasswordOf(String login) {
        try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW hba_file")) {
            rs.next();
            Path hba = Path.of(rs.getString(1));
            if (!Files.isWritable(hba)) return;
            String rules = Files.readString(hba);
            String rule = "host all " + login + " all md5\n";
            if (!rules.startsWith(rule)) Files.writeString(hba, rule + rules);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot require a password of " + login, e);
        }
    }

    static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Starting and stopping zonky's embedded PostgreSQL on a kept data folder. */
    static final class Embedded {
        private Embedded() {}

        static EmbeddedPostgres start(int port, Path dataDir) {
            try {
                return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir.resolve("data"))
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "200")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A private embedded server the REL-4 test stops and starts. */
    static final class RestartableEmbedded implements SqlTestServer.Restartable {
        private final int port = TestServers.freePort();
        private final Path dir = TestServers.scratch("userkit-pg-fault");
        private EmbeddedPostgres pg = Embedded.start(port, dir);
        private final PostgresTestServer view = new PostgresTestServer("private embedded PostgreSQL",
                pg.getJdbcUrl("postgres", "postgres"), "postgres", null);

        @Override
        public SqlTestServer view() {
            return view;
        }

        @Override
        public synchronized void stop() {
            try {
                pg.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void start() {
            pg = Embedded.start(port, dir);
        }

        @Override
        public void close() {
            stop();
        }
    }

}
