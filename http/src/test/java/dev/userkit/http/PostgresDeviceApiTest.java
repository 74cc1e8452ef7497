package dev.userkit.http;

import dev.userkit.spi.Stores;

/** umpack's device and token-check routes in Jetty 12 over PostgreSQL-backed kits: the same contract, a real database underneath. */
class PostgresDeviceApiTest extends DeviceApiContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }

    @Override
    protected Stores stores() {
        return PostgresTestStores.fresh();
    }
}
