package dev.userkit.spring.boot;

import dev.userkit.config.Settings;
import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.StoreModule;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.mariadb.MariaDbSettings;
import dev.userkit.store.mariadb.MariaDbStoreModule;
import javax.sql.DataSource;

/** The MariaDB store's module, the only class of the starter that names store-mariadb. */
final class MariaDbOpening {
    private MariaDbOpening() {}

    /** A pool of the store's own, from the {@code USERKIT_MARIADB_*} settings. */
    static StoreModule from(Settings s, SchemaMode mode) {
        return new MariaDbStoreModule(MariaDbSettings.fromEnvironment().resolve(s), PoolOptions.from(s, MariaDbSettings.ENV_PREFIX), mode);
    }

    /** The application's pool, on the database it connects to. */
    static StoreModule over(DataSource dataSource, SchemaMode mode) {
        return new MariaDbStoreModule(dataSource, mode);
    }
}
