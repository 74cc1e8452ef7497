package dev.userkit.http;

import dev.userkit.spi.Stores;

/** Signed access tokens through the edge in Jetty 12 over PostgreSQL-backed kits: issue, refresh and refusals with a real database underneath. */
class PostgresAccessTokenTest extends AccessTokenContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }

    @Override
    protected Stores stores() {
        return PostgresTestStores.fresh();
    }
}
