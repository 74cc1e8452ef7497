package dev.userkit.http;

import dev.userkit.spi.Stores;
import java.util.function.Supplier;

/** The edge's login routes and the hostile corpus, mounted in Jetty 12 (EE 10) over PostgreSQL-backed kits: the same contract, a real database underneath. */
class PostgresEdgeLoginTest extends EdgeLoginContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }

    @Override
    Supplier<Stores> stores() {
        return PostgresTestStores::fresh;
    }
}
