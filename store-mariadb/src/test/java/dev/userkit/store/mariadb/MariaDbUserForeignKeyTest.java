package dev.userkit.store.mariadb;

import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.UserForeignKeyTests;

class MariaDbUserForeignKeyTest extends UserForeignKeyTests {
    @Override
    protected SqlTestServer server() {
        return MariaDbTestServer.shared();
    }
}
