package dev.userkit.store.mariadb;

import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.JdbcStores;
import dev.userkit.store.jdbc.SqlDatabase;
import dev.userkit.store.jdbc.SqlStoreStart;
import javax.sql.DataSource;

/** Plain-Java entry for applications without Guice: every port over MariaDB (10.5 or later). */
public final class MariaDbStores {
    /** MariaDB as a UserKit store: its dialect, migrations, environment, defaults; a user space is a database. */
    static final SqlDatabase DATABASE = new SqlDatabase("MariaDB", "mariadb", MariaDbDialect.INSTANCE,
            "db/userkit/mariadb", MariaDbSettings.ENV_PREFIX, MariaDbSettings.DEFAULTS, SqlDatabase.UserSpace.DATABASE, MariaDbSettings.URL_OPTIONS);

    private MariaDbStores() {}

    /**
     * The stores over {@code dataSource} (whose URL names the database, the user space) after
     * applying {@code mode}; the stores never close it. StoreException, naming the root cause, if the
     * schema cannot be migrated or validated.
     *
     * @param dataSource where the connections come from; its URL names the database
     * @param mode what to do about the schema before the stores are handed out
     * @return the stores
     * @throws dev.userkit.StoreException if the schema cannot be migrated or validated
     */
    public static Stores open(DataSource dataSource, SchemaMode mode) {
        return SqlStoreStart.own(DATABASE, dataSource, null, mode);
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
