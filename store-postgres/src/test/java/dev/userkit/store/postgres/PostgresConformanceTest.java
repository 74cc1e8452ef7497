package dev.userkit.store.postgres;

import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.testing.TestSpace;
import dev.userkit.testkit.StoreConformanceSuite;

/** The whole conformance suite against PostgreSQL, in a schema of its own, wiped before each test. */
class PostgresConformanceTest extends StoreConformanceSuite {
    private static final TestSpace SPACE = PostgresTestServer.shared().newSpace("conformance");

    @Override
    protected Stores emptyStores() {
        return SPACE.wipe();
    }

    @Override
    protected boolean supportsTransactions() {
        return true;
    }
}
