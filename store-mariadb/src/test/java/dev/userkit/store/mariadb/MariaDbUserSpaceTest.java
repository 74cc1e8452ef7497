package dev.userkit.store.mariadb;

import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.UserSpaceTests;

class MariaDbUserSpaceTest extends UserSpaceTests {
    @Override
    protected SqlTestServer server() {
        return MariaDbTestServer.shared();
    }
}
