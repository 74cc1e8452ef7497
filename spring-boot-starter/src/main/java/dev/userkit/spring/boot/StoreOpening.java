package dev.userkit.spring.boot;

import com.google.inject.Guice;
import com.google.inject.Stage;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.StoreModule;
import dev.userkit.spi.Stores;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Opens the store {@code userkit.store.*} names through its module's public face (settings record
 * and Guice module), as the server does; the store's own readers check its settings. Each store's
 * classes are named only in its own opener class, so a store module that is not on the class path
 * is never loaded.
 */
final class StoreOpening {
    static final String MONGO_CLIENT = "com.mongodb.client.MongoClient";
    private static final String TYPE = "userkit.store.type";

    private StoreOpening() {}

    static Stores open(UserKitProperties.Store store, EnvironmentSettings env, ListableBeanFactory beans) {
        DataSource appDataSource = beans.getBeanProvider(DataSource.class).getIfUnique();
        StoreType type = store.type() != null ? store.type() : detect(appDataSource, beans);
        if (type == StoreType.MEMORY) return InMemoryStores.create();
        StoreModule module = switch (type) {
            case POSTGRES -> {
                require("dev.userkit.store.postgres.PostgresStoreModule", "userkit-store-postgres", type);
                connection(env, store, "USERKIT_PG", "USERKIT_PG_URL");
                if (store.schema() != null) env.put("USERKIT_PG_SCHEMA", "userkit.store.schema", store.schema());
                yield env.read(() -> store.url() == null && appDataSource != null
                        ? PostgresOpening.over(appDataSource, env.settings(), store.schemaMode())
                        : PostgresOpening.from(env.settings(), store.schemaMode()));
            }
            case MARIADB -> {
                require("dev.userkit.store.mariadb.MariaDbStoreModule", "userkit-store-mariadb", type);
                connection(env, store, "USERKIT_MARIADB", "USERKIT_MARIADB_URL");
                if (store.database() != null) env.put("USERKIT_MARIADB_DB", "userkit.store.database", store.database());
                yield env.read(() -> store.url() == null && appDataSource != null
                        ? MariaDbOpening.over(appDataSource, store.schemaMode())
                        : MariaDbOpening.from(env.settings(), store.schemaMode()));
            }
            case MONGO -> {
                require("dev.userkit.store.mongo.MongoStoreModule", "userkit-store-mongo", type);
                if (store.url() != null) env.put("USERKIT_MONGO_URI", "userkit.store.url", store.url());
                if (store.database() != null) env.put("USERKIT_MONGO_DB", "userkit.store.database", store.database());
                yield env.read(() -> MongoOpening.module(store, env.settings(), beans));
            }
            case MEMORY -> throw new IllegalStateException("handled above");
        };
        // the module's provider opens the store; PRODUCTION makes that happen here, at start-up, failing fast
        return Guice.createInjector(Stage.PRODUCTION, module).getInstance(Stores.class);
    }

    private static void connection(EnvironmentSettings env, UserKitProperties.Store store, String prefix, String urlSetting) {
        if (store.url() != null) env.put(urlSetting, "userkit.store.url", store.url());
        if (store.user() != null) env.put(prefix + "_USER", "userkit.store.user", store.user());
        if (store.password() != null) env.put(prefix + "_PASSWORD", "userkit.store.password", store.password());
    }

    /** Without a type: the application's own database, as its driver names it. */
    private static StoreType detect(DataSource dataSource, ListableBeanFactory beans) {
        if (dataSource != null) {
            try (Connection c = dataSource.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                if (product.contains("postgres")) return StoreType.POSTGRES;
                if (product.contains("mariadb") || product.contains("mysql")) return StoreType.MARIADB;
                throw new UserKitPropertyException(TYPE, TYPE + " is not set and the application's DataSource is "
                        + product + ", which UserKit has no store for: set " + TYPE + " (memory, postgres, mariadb or mongo)", null);
            } catch (SQLException e) {
                throw new UserKitPropertyException(TYPE, TYPE + " is not set and the application's DataSource cannot be asked"
                        + " which database it is (" + e.getMessage() + "): set " + TYPE, e);
            }
        }
        if (ClassUtils.isPresent(MONGO_CLIENT, StoreOpening.class.getClassLoader()) && MongoOpening.hasClient(beans)) return StoreType.MONGO;
        throw new UserKitPropertyException(TYPE, TYPE + " is not set and the application has no DataSource or MongoClient bean:"
                + " set it to memory, postgres, mariadb or mongo", null);
    }

    private static void require(String className, String artifact, StoreType type) {
        if (!ClassUtils.isPresent(className, StoreOpening.class.getClassLoader())) {
            throw new UserKitPropertyException(TYPE, TYPE + "=" + type.name().toLowerCase(Locale.ROOT) + " needs dev.userkit:"
                    + artifact + " on the class path", null);
        }
    }
}
