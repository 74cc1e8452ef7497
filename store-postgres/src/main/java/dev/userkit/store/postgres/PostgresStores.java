package dev.userkit.store.postgres;

import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.JdbcStores;
import dev.userkit.store.jdbc.SchemaMode;
import dev.userkit.store.jdbc.SqlStoreAssembly;
import javax.sql.DataSource;

/** Plain-Java entry for applications without Guice: every port over PostgreSQL. */
public final class PostgresStores {
    private PostgresStores() {}

    /**
     * The stores over {@code dataSource}, after applying {@code mode} to {@code schema}. The data
     * source's connections must have that schema first on their search_path (a pool built from
     * {@link PostgresSettings} by {@link PostgresStoreModule} sets it). StoreException if the
     * schema cannot be migrated or validated.
     *
     * @param dataSource where the connections come from
     * @param schema the schema UserKit's tables live in
     * @param mode what to do with the schema first
     * @return the stores
     */
    public static Stores open(DataSource dataSource, String schema, SchemaMode mode) {
        return SqlStoreAssembly.open(dataSource, PostgresDialect.INSTANCE, new PostgresSchema(schema).migrations(), mode);
    }

    /**
     * The stores over a data source whose schema is already current (no schema work).
     *
     * @param dataSource where the connections come from
     * @return the stores
     */
    public static Stores over(DataSource dataSource) {
        return JdbcStores.create(dataSource, PostgresDialect.INSTANCE);
    }
}
