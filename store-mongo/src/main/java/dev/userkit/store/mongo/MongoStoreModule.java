package dev.userkit.store.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.StoreModule;
import dev.userkit.spi.Stores;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Binds {@link Stores} to MongoDB; install it next to {@code dev.userkit.UserKitModule}. The module
 * has no side effects: it connects to nothing while the injector is built; when {@link Stores} is
 * first provided it checks that the server answers and applies its {@link SchemaMode} (NONE unless
 * given: then call {@link MongoSchema#create(MongoDatabase)} yourself).
 *
 * <p>A module built from settings or a connection string creates its own client, which the stores
 * own: {@code UserKit.close()} (or {@link Stores#close()}) closes it, and so does a failed start.
 * Pass your own {@link MongoClient} or {@link MongoDatabase} to share a client; the stores never close it.
 */
public final class MongoStoreModule extends StoreModule {
    private final Supplier<Stores> opener;

    /**
     * Connects with resolved settings (see {@link MongoSettings}); no schema work.
     *
     * @param settings the client's settings; the client is the stores' own
     */
    public MongoStoreModule(MongoSettings settings) {
        this(settings, SchemaMode.NONE);
    }

    /**
     * Connects with resolved settings (see {@link MongoSettings}) and applies {@code mode} at start.
     *
     * @param settings the client's settings; the client is the stores' own
     * @param mode what to do about the schema at start
     */
    public MongoStoreModule(MongoSettings settings, SchemaMode mode) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(mode, "mode");
        this.opener = () -> ownClient(settings, mode);
    }

    /**
     * Connects with this connection string; the database, write and read concern come from the
     * environment or the string itself (see {@link MongoSettings}). No schema work.
     *
     * @param connectionString a MongoDB connection string, e.g. {@code mongodb://localhost:27017/userkit}
     */
    public MongoStoreModule(String connectionString) {
        this(MongoSettings.builder().connectionString(Objects.requireNonNull(connectionString, "connectionString")).build());
    }

    /**
     * Uses this database of the application's client (its write and read concerns apply); no schema work.
     *
     * @param database the user space (its client stays the application's)
     */
    public MongoStoreModule(MongoDatabase database) {
        this(database, SchemaMode.NONE);
    }

    /**
     * Uses this database of the application's client and applies {@code mode} at start.
     *
     * @param database the user space (its client stays the application's)
     * @param mode what to do about the schema at start
     */
    public MongoStoreModule(MongoDatabase database, SchemaMode mode) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(mode, "mode");
        this.opener = () -> MongoStores.open(database, mode);
    }

    /**
     * Uses the named database of the application's client; no schema work.
     *
     * @param client the application's client, which the stores never close
     * @param database the name of the database that is the user space
     */
    public MongoStoreModule(MongoClient client, String database) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(database, "database");
        this.opener = () -> MongoStores.open(client.getDatabase(database), SchemaMode.NONE);
    }

    @Override
    protected Stores openStores() {
        return opener.get();
    }

    private static Stores ownClient(MongoSettings settings, SchemaMode mode) {
        MongoClientSettings client = settings.clientSettings();
        MongoClient mongo = MongoClients.create(client);
        try {
            return MongoStores.open(mongo.getDatabase(settings.database()), mode, where(client, settings.database()))
                    .toBuilder().closeWith(mongo).build();
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
    }

    /** Hosts, database and user (never the password) for the start-up message. */
    private static String where(MongoClientSettings client, String database) {
        String user = client.getCredential() == null ? "" : ", user " + client.getCredential().getUserName();
        return "hosts " + client.getClusterSettings().getHosts() + ", database " + database + user;
    }
}
