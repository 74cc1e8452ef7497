package dev.userkit.store.postgres;

import dev.userkit.store.jdbc.SchemaMigrations;
import dev.userkit.store.jdbc.testing.SchemaMigrationTests;
import dev.userkit.store.jdbc.testing.SqlTestServer;
import dev.userkit.store.jdbc.testing.TestSpace;

class PostgresSchemaMigrationTest extends SchemaMigrationTests {
    @Override
    protected SqlTestServer server() {
        return PostgresTestServer.shared();
    }

    @Override
    protected SchemaMigrations migrationsFor(TestSpace space) {
        return new PostgresSchema(space.name()).migrations();
    }
}
