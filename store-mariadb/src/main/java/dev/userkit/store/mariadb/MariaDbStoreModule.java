package dev.userkit.store.mariadb;

import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.JdbcStoreModule;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.jdbc.SchemaMode;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Binds {@link Stores} to MariaDB. Install it next to {@code UserKitModule}. {@code configure()}
 * does nothing but declare: the pool is built and the schema mode applied when {@link Stores} is
 * first provided.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *     new UserKitModule(config),
 *     new MariaDbStoreModule(MariaDbSettings.fromEnvironment(), PoolOptions.DEFAULTS, SchemaMode.MIGRATE));
 * }</pre>
 */
public final class MariaDbStoreModule extends JdbcStoreModule {
    /**
     * Settings resolved from the environment at provision time, pool options from the environment
     * ({@link PoolOptions#fromEnvironment(String)} with {@link MariaDbSettings#ENV_PREFIX}, else the
     * defaults: a 1 s connection timeout), schema validated (fail fast).
     *
     * @param settings the explicit settings; fields left unset come from the environment or the defaults
     */
    public MariaDbStoreModule(MariaDbSettings settings) {
        this(settings, PoolOptions.fromEnvironment(MariaDbSettings.ENV_PREFIX), SchemaMode.VALIDATE);
    }

    /**
     * A HikariCP pool built from {@code settings} (resolved against the environment) with {@code pool} options.
     *
     * @param settings the explicit settings; fields left unset come from the environment or the defaults
     * @param pool the pool's size and connection timeout
     * @param mode what to do with the schema at start-up
     */
    public MariaDbStoreModule(MariaDbSettings settings, PoolOptions pool, SchemaMode mode) {
        super(pooled(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(pool, "pool"),
                Objects.requireNonNull(mode, "mode")));
    }

    /**
     * The application's own data source; its URL names the database UserKit's tables live in.
     *
     * @param dataSource the application's data source
     * @param mode what to do with the schema at start-up
     */
    public MariaDbStoreModule(DataSource dataSource, SchemaMode mode) {
        super(own(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(mode, "mode")));
    }

    private static Supplier<Stores> pooled(MariaDbSettings settings, PoolOptions pool, SchemaMode mode) {
        return () -> {
            MariaDbSettings s = settings.resolve();
            return MariaDbStores.open(pool.pool("userkit-mariadb", s.url(), s.user(), s.password(), null), mode);
        };
    }

    private static Supplier<Stores> own(DataSource dataSource, SchemaMode mode) {
        return () -> MariaDbStores.open(dataSource, mode);
    }
}
