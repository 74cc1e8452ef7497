package dev.userkit.store.postgres;

import dev.userkit.spi.SchemaMode;
import dev.userkit.store.jdbc.testing.PoolRecoveryTests;
import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.TestSpace;
import org.junit.jupiter.api.AfterAll;

/** REL-4 on a private embedded PostgreSQL restarted on its kept data folder. */
class PostgresPoolRecoveryTest extends PoolRecoveryTests {
    private static PostgresTestServer.RestartableEmbedded server;

    @Override
    protected synchronized SqlTestServer.Restartable server() {
        if (server == null) server = new PostgresTestServer.RestartableEmbedded();
        return server;
    }

    @Override
    protected void migrate(TestSpace space) {
        new PostgresSchema(space.name()).apply(space.dataSource(), SchemaMode.MIGRATE);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }
}
