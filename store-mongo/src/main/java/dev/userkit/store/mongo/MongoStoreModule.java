package dev.userkit.store.mongo;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.userkit.spi.Stores;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Binds {@link Stores} to MongoDB; install it next to {@code dev.userkit.UserKitModule}. The module
 * has no side effects: it connects to nothing while the injector is built (a client it creates
 * itself is created when {@link Stores} is first provided) and it never creates the schema: call
 * {@link MongoSchema#create(MongoDatabase)} yourself.
 *
 * <p>Pass your own {@link MongoClient} or {@link MongoDatabase} when you want to share the client
 * or close it at shut-down; a module built from settings or a connection string owns a client that
 * lives as long as the application.
 */
public final class MongoStoreModule extends AbstractModule {
    private final Supplier<MongoDatabase> database;

    /**
     * Connects with resolved settings (see {@link MongoSettings}).
     *
     * @param settings the connection settings
     */
    public MongoStoreModule(MongoSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.database = () -> MongoClients.create(settings.clientSettings()).getDatabase(settings.database());
    }

    /**
     * Connects with this connection string; the database, write and read concern come from the
     * environment or the string itself (see {@link MongoSettings}).
     *
     * @param connectionString the MongoDB connection string
     */
    public MongoStoreModule(String connectionString) {
        this(MongoSettings.builder().connectionString(Objects.requireNonNull(connectionString, "connectionString")).build());
    }

    /**
     * Uses this database of the application's client (its write and read concerns apply).
     *
     * @param database the database to keep UserKit's collections in
     */
    public MongoStoreModule(MongoDatabase database) {
        Objects.requireNonNull(database, "database");
        this.database = () -> database;
    }

    /**
     * Uses the named database of the application's client.
     *
     * @param client the application's client
     * @param database the name of the database to keep UserKit's collections in
     */
    public MongoStoreModule(MongoClient client, String database) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(database, "database");
        this.database = () -> client.getDatabase(database);
    }

    @Override
    protected void configure() {
        // nothing to bind eagerly: the provider below connects lazily
    }

    @Provides
    @Singleton
    Stores stores() {
        return MongoStores.create(database.get());
    }
}
