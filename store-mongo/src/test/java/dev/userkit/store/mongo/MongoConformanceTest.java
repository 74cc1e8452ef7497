package dev.userkit.store.mongo;

import dev.userkit.spi.Stores;
import dev.userkit.testkit.StoreConformanceSuite;

/** The whole conformance suite against MongoDB (the server {@link MongoTestServer} picks). */
class MongoConformanceTest extends StoreConformanceSuite {
    private static final WipedDatabase DATABASE = new WipedDatabase("conformance");

    @Override
    protected Stores emptyStores() {
        return DATABASE.wipedStores();
    }
}
