package dev.userkit.store.postgres;

import dev.userkit.store.jdbc.testing.SqlStoreSuite;
import dev.userkit.store.jdbc.testing.SqlTestServer;

/** Everything a SQL store must pass (ports, features, migrations, foreign keys, user spaces, start-up, module, REL-4), on Postgres. */
class PostgresConformanceTest extends SqlStoreSuite {
    @Override
    protected SqlTestServer server() {
        return PostgresTestServer.shared();
    }

    // triggers of migration V6 and LISTEN/NOTIFY
    @Override
    protected boolean announcesRevocations() {
        return true;
    }
}
