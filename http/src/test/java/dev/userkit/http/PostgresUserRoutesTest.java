package dev.userkit.http;

import dev.userkit.spi.Stores;

/** umpack's user routes mounted in Jetty 12 over a PostgreSQL-backed kit: the same contract, a real database underneath. */
class PostgresUserRoutesTest extends UserRoutesContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }

    @Override
    protected Stores stores() {
        return PostgresTestStores.fresh();
    }
}
