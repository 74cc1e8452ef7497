package dev.userkit.store.jdbc;

import dev.userkit.spi.Stores;
import javax.sql.DataSource;

/** What a SQL store module does to become usable: schema per the mode, then the stores. */
public final class SqlStoreAssembly {
    private SqlStoreAssembly() {}

    /**
     * Applies {@code mode} with {@code migrations} on {@code dataSource}, then builds the stores.
     * A schema that fails validation is a StoreException here, at start-up, not at the first call.
     *
     * @param dataSource where the connections come from
     * @param dialect the database's SQL differences
     * @param migrations the database's migrations
     * @param mode what to do with the schema first
     * @return the stores
     */
    public static Stores open(DataSource dataSource, SqlDialect dialect, SchemaMigrations migrations, SchemaMode mode) {
        migrations.apply(dataSource, mode);
        return JdbcStores.create(dataSource, dialect);
    }
}
