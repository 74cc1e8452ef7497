package dev.userkit.http;

import dev.userkit.spi.Stores;
import dev.userkit.store.postgres.PostgresTestServer;

/**
 * Fresh PostgreSQL-backed {@link Stores} for the HTTP tests: each call is a new, migrated schema on
 * store-postgres's JVM-wide test server (embedded PostgreSQL from zonky, or the server in
 * {@code USERKIT_PG_URL} as {@code .ci/run} sets it), so every kit starts empty and one JVM starts
 * one server. Reused from store-postgres's test-jar rather than copied, so the HTTP tests follow the
 * store tests' choice of server.
 */
final class PostgresTestStores {
    private PostgresTestStores() {}

    /** Stores over a new, empty schema. Its small pool lives as long as the JVM, like the server. */
    static Stores fresh() {
        return PostgresTestServer.shared().newSpace("http").stores();
    }
}
