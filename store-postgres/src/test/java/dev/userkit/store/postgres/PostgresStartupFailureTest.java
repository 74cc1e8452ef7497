package dev.userkit.store.postgres;

import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.StartupFailureTests;

class PostgresStartupFailureTest extends StartupFailureTests {
    @Override
    protected SqlTestServer server() {
        return PostgresTestServer.shared();
    }
}
