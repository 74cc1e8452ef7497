package dev.userkit.http;

import dev.userkit.spi.Stores;
import java.util.function.Supplier;

/** The edge mounted in Jetty 12 (EE 10) over PostgreSQL-backed kits: the same contract, a real database underneath. */
class PostgresHttpEdgeTest extends HttpEdgeContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }

    @Override
    Supplier<Stores> stores() {
        return PostgresTestStores::fresh;
    }
}
