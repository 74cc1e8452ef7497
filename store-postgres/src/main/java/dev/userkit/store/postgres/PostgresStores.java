package dev.userkit.store.postgres;

import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.JdbcStores;
import dev.userkit.store.jdbc.SqlDatabase;
import dev.userkit.store.jdbc.SqlStoreStart;
import javax.sql.DataSource;

/** Plain-Java entry for applications without Guice: every port over PostgreSQL. */
public final class PostgresStores {
    /** PostgreSQL as a UserKit store: its dialect, migrations, environment, defaults; a user space is a schema. */
    static final SqlDatabase DATABASE = new SqlDatabase("PostgreSQL", "postgresql", PostgresDialect.INSTANCE,
            "db/userkit/postgres", PostgresSettings.ENV_PREFIX, PostgresSettings.DEFAULTS, SqlDatabase.UserSpace.SCHEMA,
            // pgjdbc prepares a statement on the server by itself once it has run five times on a connection
            "");

    private PostgresStores() {}

    /**
     * The stores over {@code dataSource}, after applying {@code mode} to {@code schema}. The data
     * source's connections must have that schema first on their search_path (a pool built from
     * {@link PostgresSettings} by {@link PostgresStoreModule} sets it); the stores never close it.
     * StoreException, naming the schema and the root cause, if the schema cannot be migrated or validated.
     *
     * @param dataSource where the connections come from, with {@code schema} first on their search_path
     * @param schema the schema the stores' tables live in
     * @param mode what to do about the schema before the stores are handed out
     * @return the stores
     * @throws dev.userkit.StoreException if the schema cannot be migrated or validated
     */
    public static Stores open(DataSource dataSource, String schema, SchemaMode mode) {
        return SqlStoreStart.own(DATABASE, dataSource, schema, mode);
    }

    /**
     * The stores over a data source whose schema is already current (no schema work).
     *
     * @param dataSource where the connections come from
     * @return the stores
     */
    public static Stores over(DataSource dataSource) {
        return JdbcStores.create(dataSource, DATABASE.dialect());
    }
}
