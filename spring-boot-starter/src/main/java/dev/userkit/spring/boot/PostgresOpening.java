package dev.userkit.spring.boot;

import dev.userkit.config.Settings;
import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.StoreModule;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.postgres.PostgresSettings;
import dev.userkit.store.postgres.PostgresStoreModule;
import javax.sql.DataSource;

/** The PostgreSQL store's module, the only class of the starter that names store-postgres. */
final class PostgresOpening {
    private PostgresOpening() {}

    /** A pool of the store's own, from the {@code USERKIT_PG_*} settings. */
    static StoreModule from(Settings s, SchemaMode mode) {
        return new PostgresStoreModule(PostgresSettings.fromEnvironment().resolve(s), PoolOptions.from(s, PostgresSettings.ENV_PREFIX), mode);
    }

    /** The application's pool, in the schema {@code USERKIT_PG_SCHEMA} names (default the store's). */
    static StoreModule over(DataSource dataSource, Settings s, SchemaMode mode) {
        return new PostgresStoreModule(dataSource, PostgresSettings.fromEnvironment().resolve(s).schema(), mode);
    }
}
