package dev.userkit.launch;

import com.google.inject.Guice;
import com.google.inject.Stage;
import dev.userkit.config.Settings;
import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.StoreModule;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.mariadb.MariaDbSettings;
import dev.userkit.store.mariadb.MariaDbStoreModule;
import dev.userkit.store.mongo.MongoSettings;
import dev.userkit.store.mongo.MongoStoreModule;
import dev.userkit.store.postgres.PostgresSettings;
import dev.userkit.store.postgres.PostgresStoreModule;

/**
 * Opens the chosen store through its module's public face (settings record and Guice module, each
 * reading its own {@code USERKIT_*} variables from the given settings), so neither the server nor the CLI adds
 * connection logic of its own. The stores own the pool or client: {@code UserKit.close()} closes it.
 */
final class StoreOpener {
    private StoreOpener() {}

    static Stores open(StoreKind kind, Settings s, SchemaMode mode) {
        StoreModule module = switch (kind) {
            case EMBEDDED_POSTGRES, POSTGRES -> new PostgresStoreModule(PostgresSettings.fromEnvironment().resolve(s),
                    PoolOptions.from(s, PostgresSettings.ENV_PREFIX), mode);
            case MARIADB -> new MariaDbStoreModule(MariaDbSettings.fromEnvironment().resolve(s),
                    PoolOptions.from(s, MariaDbSettings.ENV_PREFIX), mode);
            case MONGO -> new MongoStoreModule(MongoSettings.builder().build(s), mode);
        };
        // the module's provider opens the store; PRODUCTION makes that happen here, failing fast
        return Guice.createInjector(Stage.PRODUCTION, module).getInstance(Stores.class);
    }
}
