package dev.userkit.store.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.StoreException;
import dev.userkit.spi.SchemaMode;
import dev.userkit.store.jdbc.ConnectionSettings;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.jdbc.SqlStoreStart;
import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Diagnosable start-up: a store module that cannot start says in its top message what it tried and
 * why it failed, and a fault the driver reports at once (a wrong password, an unknown database, a
 * refused port) fails at once, not after the pool's connection timeout. The bound below is a
 * functional one ("not after waiting out the pool"), generous for a slow machine, not a benchmark.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StartupFailureTests {
    private static final Duration QUICK = Duration.ofSeconds(3);
    // long enough that failing after it would break the bound: the fast path must not wait for the pool
    private static final PoolOptions POOL = new PoolOptions(2, Duration.ofSeconds(5));
    private static final String PASSWORD = "right-horse-battery";
    private TestSpace space;

    /** The server under test. */
    protected abstract SqlTestServer server();

    @BeforeAll
    void createSpace() {
        space = server().newSpace("startup");
    }

    @AfterAll
    void closeSpace() {
        space.close();
    }

    @Test
    void startWhenPasswordIsWrongThenFailsAtOnceNamingTheUserAndAuthentication() {
        ConnectionSettings login = server().passwordLogin(space.name(), "uk_login", PASSWORD);
        ConnectionSettings wrong = copy(login, login.host(), login.port(), login.database(), "wrong-" + PASSWORD);

        startFails(wrong).hasMessageContaining("authentication failed").hasMessageContaining("user " + login.user())
                .hasMessageContaining(login.host() + ":" + login.port()).hasMessageNotContaining(PASSWORD);
    }

    @Test
    void startWhenPortIsClosedThenFailsAtOnceNamingHostAndPort() {
        ConnectionSettings admin = server().connection(space.name());
        int closed = TestServers.freePort();

        startFails(copy(admin, admin.host(), closed, admin.database(), admin.password()))
                .hasMessageContaining(admin.host() + ":" + closed).hasMessageContaining("Connect");
    }

    @Test
    void startWhenDatabaseIsMissingThenFailsAtOnceNamingIt() {
        ConnectionSettings admin = server().connection(space.name());

        startFails(copy(admin, admin.host(), admin.port(), "uk_missing_db", admin.password()))
                .hasMessageContaining("the database does not exist").hasMessageContaining("database uk_missing_db");
    }

    @Test
    void startWhenSchemaIsNotCurrentThenFailsNamingTheSpaceAndClosesItsPool() {
        try (TestSpace empty = server().newEmptySpace("startup_empty", Duration.ofSeconds(10))) {
            ConnectionSettings admin = server().connection(empty.name());

            assertThatThrownBy(() -> SqlStoreStart.pooled(server().database(), admin, POOL, SchemaMode.VALIDATE))
                    .isInstanceOf(StoreException.class).hasMessageContaining("Schema is not current")
                    .hasMessageContaining(empty.name());
            assertThat(poolThreadsGone()).as("the pool opened for the failed start is closed").isTrue();
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> startFails(ConnectionSettings settings) {
        long start = System.nanoTime();
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> SqlStoreStart.pooled(server().database(), settings, POOL, SchemaMode.MIGRATE));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("failed at once, not after the pool's connection timeout").isLessThan(QUICK);
        return assertThat(failure).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot start the " + server().database().name() + " store");
    }

    private static ConnectionSettings copy(ConnectionSettings c, String host, int port, String database, String password) {
        return new ConnectionSettings(host, port, database, c.user(), password, c.schema());
    }

    /** HikariCP's threads carry the pool's name; they end shortly after the pool closes. */
    private boolean poolThreadsGone() {
        String prefix = "userkit-" + server().database().urlScheme();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(prefix))) return true;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
