package dev.userkit.store.mariadb;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.jdbc.SchemaMode;
import java.util.Objects;
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
public final class MariaDbStoreModule extends AbstractModule {
    private final MariaDbSettings settings;
    private final PoolOptions pool;
    private final DataSource dataSource;
    private final SchemaMode mode;

    /** Settings resolved from the environment at provision time, default pool, schema validated (fail fast). */
    public MariaDbStoreModule(MariaDbSettings settings) {
        this(settings, PoolOptions.DEFAULTS, SchemaMode.VALIDATE);
    }

    /** A HikariCP pool built from {@code settings} (resolved against the environment) with {@code pool} options. */
    public MariaDbStoreModule(MariaDbSettings settings, PoolOptions pool, SchemaMode mode) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.dataSource = null;
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** The application's own data source; its URL names the database UserKit's tables live in. */
    public MariaDbStoreModule(DataSource dataSource, SchemaMode mode) {
        this.settings = null;
        this.pool = null;
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    protected void configure() {
        // everything happens in the provider below, never here
    }

    @Provides
    @Singleton
    Stores stores() {
        if (dataSource != null) return MariaDbStores.open(dataSource, mode);
        MariaDbSettings s = settings.resolve();
        return MariaDbStores.open(pool.pool("userkit-mariadb", s.url(), s.user(), s.password(), null), mode);
    }
}
