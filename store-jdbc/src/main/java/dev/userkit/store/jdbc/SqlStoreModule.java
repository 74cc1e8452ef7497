package dev.userkit.store.jdbc;

import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.StoreModule;
import dev.userkit.spi.Stores;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The Guice module of every SQL store: a {@link StoreModule} whose stores come from a
 * {@link SqlDatabase}, either over a pool it builds from settings (and closes with the stores) or
 * over the application's own data source (closed by nobody here). A database's module is a
 * subclass with its public constructors.
 */
public abstract class SqlStoreModule extends StoreModule {
    private final Supplier<Stores> opener;

    /**
     * A pool built from {@code settings} when {@link Stores} is first provided.
     *
     * @param database the database
     * @param settings gives the resolved connection fields, called once at provision time (it may read the environment)
     * @param pool the pool's size and timeouts
     * @param mode what to do about the schema at start
     */
    protected SqlStoreModule(SqlDatabase database, Supplier<ConnectionSettings> settings, PoolOptions pool, SchemaMode mode) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(mode, "mode");
        this.opener = () -> SqlStoreStart.pooled(database, settings.get(), pool, mode);
    }

    /**
     * The application's own data source, never closed by the stores.
     *
     * @param database the database
     * @param dataSource the application's data source
     * @param schema the user space; see {@link SqlStoreStart#own}
     * @param mode what to do about the schema at start
     */
    protected SqlStoreModule(SqlDatabase database, DataSource dataSource, String schema, SchemaMode mode) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(mode, "mode");
        this.opener = () -> SqlStoreStart.own(database, dataSource, schema, mode);
    }

    @Override
    protected final Stores openStores() {
        return opener.get();
    }
}
