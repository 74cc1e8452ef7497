package dev.userkit.http;

import dev.userkit.spi.Stores;

/** umpack's role, action, metadata and set-up routes in Jetty 12 over PostgreSQL-backed kits: the same contract, a real database underneath. */
class PostgresRoleApiTest extends RoleApiContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }

    @Override
    protected Stores stores() {
        return PostgresTestStores.fresh();
    }
}
