package dev.userkit.store.mariadb;

import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.JdbcStores;
import dev.userkit.store.jdbc.SchemaMode;
import dev.userkit.store.jdbc.SqlStoreAssembly;
import javax.sql.DataSource;

/** Plain-Java entry for applications without Guice: every port over MariaDB (10.5 or later). */
public final class MariaDbStores {
    private MariaDbStores() {}

    /**
     * The stores over {@code dataSource} (whose URL names the database, the user space) after
     * applying {@code mode}. StoreException if the schema cannot be migrated or validated.
     *
     * @param dataSource where the connections come from
     * @param mode what to do with the schema first
     * @return the stores
     */
    public static Stores open(DataSource dataSource, SchemaMode mode) {
        return SqlStoreAssembly.open(dataSource, MariaDbDialect.INSTANCE, new MariaDbSchema().migrations(), mode);
    }

    /**
     * The stores over a data source whose schema is already current (no schema work).
     *
     * @param dataSource where the connections come from
     * @return the stores
     */
    public static Stores over(DataSource dataSource) {
        return JdbcStores.create(dataSource, MariaDbDialect.INSTANCE);
    }
}
