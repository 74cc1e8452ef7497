package dev.userkit.store.postgres;

import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.UserSpaceTests;

class PostgresUserSpaceTest extends UserSpaceTests {
    @Override
    protected SqlTestServer server() {
        return PostgresTestServer.shared();
    }
}
