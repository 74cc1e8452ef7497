package dev.userkit.store.mariadb;

import dev.userkit.store.jdbc.SchemaMigrations;
import dev.userkit.store.jdbc.testing.SchemaMigrationTests;
import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.TestSpace;

class MariaDbSchemaMigrationTest extends SchemaMigrationTests {
    @Override
    protected SqlTestServer server() {
        return MariaDbTestServer.shared();
    }

    @Override
    protected SchemaMigrations migrationsFor(TestSpace space) {
        return new MariaDbSchema().migrations();
    }
}
