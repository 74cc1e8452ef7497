package dev.userkit.store.mariadb;

import dev.userkit.store.jdbc.testing.SqlStoreSuite;
import dev.userkit.store.jdbc.testing.SqlTestServer;

/** Everything a SQL store must pass (ports, features, migrations, foreign keys, user spaces, start-up, module, REL-4), on MariaDb. */
class MariaDbConformanceTest extends SqlStoreSuite {
    @Override
    protected SqlTestServer server() {
        return MariaDbTestServer.shared();
    }
}
