package dev.userkit.store.mariadb;

import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.testing.TestSpace;
import dev.userkit.testkit.StoreConformanceSuite;

/** The whole conformance suite against MariaDB, in a database of its own, wiped before each test. */
class MariaDbConformanceTest extends StoreConformanceSuite {
    private static final TestSpace SPACE = MariaDbTestServer.shared().newSpace("conformance");

    @Override
    protected Stores emptyStores() {
        return SPACE.wipe();
    }

    @Override
    protected boolean supportsTransactions() {
        return true;
    }
}
