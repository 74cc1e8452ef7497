package dev.userkit.store.postgres;

import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.JdbcStoreModule;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.jdbc.SchemaMode;
import java.util.Objects;
import java.util.function.Supplier;
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
public final class PostgresStoreModule extends JdbcStoreModule {
    /**
     * Settings resolved from the environment at provision time, pool options from the environment
     * ({@link PoolOptions#fromEnvironment(String)} with {@link PostgresSettings#ENV_PREFIX}, else the
     * defaults: a 1 s connection timeout), schema validated (fail fast).
     *
     * @param settings the explicit settings; fields left unset come from the environment or the defaults
     */
    public PostgresStoreModule(PostgresSettings settings) {
        this(settings, PoolOptions.fromEnvironment(PostgresSettings.ENV_PREFIX), SchemaMode.VALIDATE);
    }

    /**
     * A HikariCP pool built from {@code settings} (resolved against the environment) with {@code pool} options.
     *
     * @param settings the explicit settings; fields left unset come from the environment or the defaults
     * @param pool the pool's size and connection timeout
     * @param mode what to do with the schema at start-up
     */
    public PostgresStoreModule(PostgresSettings settings, PoolOptions pool, SchemaMode mode) {
        super(pooled(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(pool, "pool"),
                Objects.requireNonNull(mode, "mode")));
    }

    /**
     * The application's own data source, whose connections use {@code schema} (see {@link PostgresStores#open}).
     *
     * @param dataSource the application's data source
     * @param schema the schema UserKit's tables live in
     * @param mode what to do with the schema at start-up
     */
    public PostgresStoreModule(DataSource dataSource, String schema, SchemaMode mode) {
        super(own(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(schema, "schema"),
                Objects.requireNonNull(mode, "mode")));
    }

    private static Supplier<Stores> pooled(PostgresSettings settings, PoolOptions pool, SchemaMode mode) {
        return () -> {
            PostgresSettings s = settings.resolve();
            DataSource ds = pool.pool("userkit-postgres", s.url(), s.user(), s.password(), s.schema());
            return PostgresStores.open(ds, s.schema(), mode);
        };
    }

    private static Supplier<Stores> own(DataSource dataSource, String schema, SchemaMode mode) {
        return () -> PostgresStores.open(dataSource, schema, mode);
    }
}
