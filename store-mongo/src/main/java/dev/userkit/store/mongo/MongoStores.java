package dev.userkit.store.mongo;

import com.mongodb.client.MongoDatabase;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UnitOfWork;
import java.util.function.Supplier;

/**
 * Builds the MongoDB implementations of every port over one database (one user space, ST4), for
 * applications that wire UserKit without Guice ({@code UserKit.builder().stores(...)}). Create the
 * collections and indexes first with {@link MongoSchema#create(MongoDatabase)}.
 */
public final class MongoStores {
    private MongoStores() {}

    /**
     * The stores over {@code db}. UUIDs are always written in the standard binary form
     * (subtype 4), whatever UUID representation the caller's client was configured with; the
     * database's write concern, read concern and read preference are kept (keep reads on the
     * primary: the services read their own writes).
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
