package dev.userkit.http;

import dev.userkit.spi.Stores;

/** umpack's user API mounted in Jetty 12 over a PostgreSQL-backed kit: the same contract, a real database underneath. */
class PostgresUserApiTest extends UserApiContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }

    @Override
    protected Stores stores() {
        return PostgresTestStores.fresh();
    }
}
