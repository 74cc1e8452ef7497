package dev.userkit.store.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.access.Decision;
import dev.userkit.domain.Verb;
import dev.userkit.passwords.PasswordHasher;
import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.ConnectionSettings;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.jdbc.SqlStoreStart;
import dev.userkit.store.jdbc.testing.TestSpace;
import dev.userkit.testkit.MutableClock;
import dev.userkit.testkit.RecordingMailer;
import dev.userkit.testkit.TestKeys;
import dev.userkit.testkit.TestUsers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pools UserKit opens on MariaDB prepare their statements on the server
 * ({@link MariaDbSettings#URL_OPTIONS}), and keep working when the server will prepare no more.
 * Counted with the server's own status counters, never timed.
 */
class MariaDbPreparedStatementsTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final ClientContext CLIENT = ClientContext.fromAddress("203.0.113.7");
    private static final int VALIDATIONS = 20;

    private final MariaDbTestServer server = MariaDbTestServer.shared();
    private TestSpace space;
    private Stores stores;

    @BeforeEach
    void open() {
        // an empty space named by the test server, its tables made by UserKit's own pool
        space = server.newEmptySpace("prepared", Duration.ofSeconds(10));
        stores = SqlStoreStart.pooled(MariaDbStores.DATABASE, server.connection(space.name()),
                new PoolOptions(2, Duration.ofSeconds(10)), SchemaMode.MIGRATE);
        TestUsers.insertActive(stores, new PasswordHasher(PasswordHashing.insecureForTestsOnly(), 2), "alice",
                "alice@example.com", PASSWORD);
    }

    @AfterEach
    void close() {
        stores.close();
        space.close();
    }

    @Test
    @DisplayName("UserKit's own MariaDB pool runs the hot path as statements prepared on the server")
    void hotPathRunsPrepared() throws SQLException {
        UserKit kit = kit();
        String token = kit.sessions().login("alice", PASSWORD, CLIENT).token();
        long before = status("Com_stmt_execute");
        for (int i = 0; i < VALIDATIONS; i++) kit.sessions().validate(token);
        // other suites may run statements on the shared server meanwhile: at least ours were prepared runs
        assertThat(status("Com_stmt_execute") - before).isGreaterThanOrEqualTo(VALIDATIONS);
    }

    @Test
    @DisplayName("a MariaDB server that will prepare no more statements (max_prepared_stmt_count) still serves logins and validations")
    void serverAtItsPreparedStatementLimit() throws SQLException {
        long limit = status("max_prepared_stmt_count", "SHOW GLOBAL VARIABLES LIKE ?");
        execute("SET GLOBAL max_prepared_stmt_count = 0");
        try {
            UserKit kit = kit();
            String token = kit.sessions().login("alice", PASSWORD, CLIENT).token();
            assertThat(kit.sessions().validate(token).user()).isPresent();
            assertThat(kit.access().authorize(token, Verb.GET, "/api/orders")).isEqualTo(Decision.FORBIDDEN);
        } finally {
            execute("SET GLOBAL max_prepared_stmt_count = " + limit);
        }
    }

    private UserKit kit() {
        return UserKit.builder().stores(stores).config(UserKitConfig.builder().keyRing(TestKeys.RING)
                        .passwordHashing(PasswordHashing.insecureForTestsOnly()).build())
                .clock(MutableClock.standard()).mailer(new RecordingMailer()).build();
    }

    private long status(String name) throws SQLException {
        return status(name, "SHOW GLOBAL STATUS LIKE ?");
    }

    private long status(String name, String show) throws SQLException {
        try (Connection c = admin(); PreparedStatement ps = c.prepareStatement(show)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(2);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Connection admin() throws SQLException {
        ConnectionSettings c = server.connection("mysql");
        return DriverManager.getConnection("jdbc:mariadb://" + c.host() + ":" + c.port() + "/", c.user(), c.password());
    }
}
