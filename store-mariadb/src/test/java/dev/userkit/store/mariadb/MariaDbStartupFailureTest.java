package dev.userkit.store.mariadb;

import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.StartupFailureTests;

class MariaDbStartupFailureTest extends StartupFailureTests {
    @Override
    protected SqlTestServer server() {
        return MariaDbTestServer.shared();
    }
}
