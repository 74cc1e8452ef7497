package dev.userkit.store.mongo;

import com.mongodb.client.MongoDatabase;
import dev.userkit.spi.Stores;
import org.bson.Document;

/** One schema'd database whose collections are emptied (indexes kept) each time stores are asked for. */
final class WipedDatabase {
    private final MongoDatabase database;
    private final Stores stores;

    WipedDatabase(String purpose) {
        this.database = MongoTestServer.newDatabase(purpose);
        this.stores = MongoStores.create(database);
    }

    /** The database itself. */
    MongoDatabase database() {
        return database;
    }

    /** The stores over the database, with every collection emptied. */
    Stores wipedStores() {
        for (String name : MongoCollections.ALL) database.getCollection(name).deleteMany(new Document());
        return stores;
    }
}
