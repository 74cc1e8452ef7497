package dev.userkit.store.postgres;

import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.UserForeignKeyTests;

class PostgresUserForeignKeyTest extends UserForeignKeyTests {
    @Override
    protected SqlTestServer server() {
        return PostgresTestServer.shared();
    }
}
