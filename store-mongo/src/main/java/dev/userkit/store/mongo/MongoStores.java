package dev.userkit.store.mongo;

import com.mongodb.client.MongoDatabase;
import dev.userkit.StoreException;
import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.StoreStartFailure;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UnitOfWork;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the MongoDB implementations of every port over one database (one user space, ST4), for
 * applications that wire UserKit without Guice ({@code UserKit.builder().stores(...)}). Create the
 * collections and indexes first with {@link MongoSchema#create(MongoDatabase)}, or let
 * {@link #open(MongoDatabase, SchemaMode)} apply a schema mode.
 */
public final class MongoStores {
    private static final Logger LOG = LoggerFactory.getLogger(MongoStores.class);

    private MongoStores() {}

    /**
     * The stores over {@code db} after checking that the server answers and applying {@code mode}
     * (MIGRATE creates the collections and indexes, VALIDATE checks them, NONE leaves them); the
     * stores never close the application's client.
     *
     * @param db the user space
     * @param mode what to do about the schema
     * @return the stores, owning nothing
     * @throws StoreException naming the database and the root cause, if the server does not answer
     *         within the client's server selection timeout or the schema is not current
     */
    public static Stores open(MongoDatabase db, SchemaMode mode) {
        return open(db, mode, "database " + db.getName());
    }

    /** {@link #open(MongoDatabase, SchemaMode)}, naming {@code where} (hosts, database, user) in its failure. */
    static Stores open(MongoDatabase db, SchemaMode mode, String where) {
        try {
            MongoFaults.run("start-up", () -> db.runCommand(new Document("ping", 1)));
            MongoSchema.apply(db, mode);
        } catch (StoreException e) {
            throw StoreStartFailure.of("MongoDB", where, null, e);
        }
        // MongoDB keeps no schema version: the collections and indexes are the schema (checked or created per mode)
        LOG.info("UserKit store MongoDB at {}: schema mode {}", where, mode);
        return create(db);
    }

    /**
     * The stores over {@code db}. UUIDs are always written in the standard binary form
     * (subtype 4), whatever UUID representation the caller's client was configured with; the
     * database's write concern, read concern and read preference are kept (keep reads on the
     * primary: the services read their own writes). The hot-path {@link Stores#sessionReads()} are
     * the composed ones, two finds for a validation and three for an authorisation: the README's
     * "Hot-path reads" says why no {@code $lookup} aggregation replaces them.
     *
     * @param db the database holding UserKit's collections
     * @return the stores
     */
    public static Stores create(MongoDatabase db) {
        return Stores.builder()
                .users(new MongoUserStore(documents(db, MongoCollections.USERS)))
                .sessions(new MongoSessionStore(documents(db, MongoCollections.SESSIONS)))
                .codes(new MongoCodeStore(documents(db, MongoCollections.CODES)))
                .roles(new MongoRoleStore(documents(db, MongoCollections.ROLES), documents(db, MongoCollections.GRANTS)))
                .devices(new MongoDeviceStore(documents(db, MongoCollections.DEVICES)))
                .attempts(new MongoAttemptStore(documents(db, MongoCollections.ATTEMPTS)))
                .outbox(new MongoOutboxStore(documents(db, MongoCollections.OUTBOX)))
                .maintenanceLock(new MongoMaintenanceLock(documents(db, MongoCollections.LEASES)))
                .unitOfWork(new StepsInOrder())
                .build();
    }

    private static Documents documents(MongoDatabase db, String name) {
        return new Documents(name, db.getCollection(name));
    }

    /**
     * No multi-document transactions, so the adapter runs on a standalone server too: each port
     * method is atomic on one document, and core orders the steps of an operation so that a fault
     * between any two leaves a safe state. A nested unit simply runs inside the outer one.
     */
    private static final class StepsInOrder implements UnitOfWork {
        @Override
        public <T> T run(Supplier<T> work) {
            return work.get();
        }
    }
}
