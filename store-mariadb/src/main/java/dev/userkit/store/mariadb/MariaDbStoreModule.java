package dev.userkit.store.mariadb;

import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.ConnectionSettings;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.jdbc.SqlStoreModule;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Binds {@link Stores} to MariaDB. Install it next to {@code UserKitModule}. {@code configure()}
 * does nothing but declare: the pool is built and the schema mode applied when {@link Stores} is
 * first provided; {@code UserKit.close()} closes that pool.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *     new UserKitModule(config),
 *     new MariaDbStoreModule(MariaDbSettings.fromEnvironment(), PoolOptions.DEFAULTS, SchemaMode.MIGRATE));
 * }</pre>
 */
public final class MariaDbStoreModule extends SqlStoreModule {
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
        super(MariaDbStores.DATABASE, resolved(Objects.requireNonNull(settings, "settings")), pool, mode);
    }

    /**
     * The application's own data source; its URL names the database UserKit's tables live in.
     *
     * @param dataSource the application's data source
     * @param mode what to do with the schema at start-up
     */
    public MariaDbStoreModule(DataSource dataSource, SchemaMode mode) {
        super(MariaDbStores.DATABASE, dataSource, null, mode);
    }

    private static Supplier<ConnectionSettings> resolved(MariaDbSettings settings) {
        return () -> {
            MariaDbSettings s = settings.resolve();
            return new ConnectionSettings(s.host(), s.port(), s.database(), s.user(), s.password(), null);
        };
    }
}
