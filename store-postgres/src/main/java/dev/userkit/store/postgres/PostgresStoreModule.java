package dev.userkit.store.postgres;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.jdbc.SchemaMode;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Binds {@link Stores} to PostgreSQL. Install it next to {@code UserKitModule}. {@code configure()}
 * does nothing but declare: the pool is built and the schema mode applied when {@link Stores} is
 * first provided (at injector creation in production stage).
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *     new UserKitModule(config),
 *     new PostgresStoreModule(PostgresSettings.fromEnvironment(), PoolOptions.DEFAULTS, SchemaMode.MIGRATE));
 * }</pre>
 */
public final class PostgresStoreModule extends AbstractModule {
    private final PostgresSettings settings;
    private final PoolOptions pool;
    private final DataSource dataSource;
    private final String schema;
    private final SchemaMode mode;

    /** Settings resolved from the environment at provision time, default pool, schema validated (fail fast). */
    public PostgresStoreModule(PostgresSettings settings) {
        this(settings, PoolOptions.DEFAULTS, SchemaMode.VALIDATE);
    }

    /** A HikariCP pool built from {@code settings} (resolved against the environment) with {@code pool} options. */
    public PostgresStoreModule(PostgresSettings settings, PoolOptions pool, SchemaMode mode) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.dataSource = null;
        this.schema = null;
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** The application's own data source, whose connections use {@code schema} (see {@link PostgresStores#open}). */
    public PostgresStoreModule(DataSource dataSource, String schema, SchemaMode mode) {
        this.settings = null;
        this.pool = null;
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    protected void configure() {
        // everything happens in the provider below, never here
    }

    @Provides
    @Singleton
    Stores stores() {
        if (dataSource != null) return PostgresStores.open(dataSource, schema, mode);
        PostgresSettings s = settings.resolve();
        DataSource ds = pool.pool("userkit-postgres", s.url(), s.user(), s.password(), s.schema());
        return PostgresStores.open(ds, s.schema(), mode);
    }
}
