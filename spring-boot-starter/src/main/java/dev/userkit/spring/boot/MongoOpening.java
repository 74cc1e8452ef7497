package dev.userkit.spring.boot;

import com.mongodb.client.MongoClient;
import dev.userkit.config.Settings;
import dev.userkit.spi.StoreModule;
import dev.userkit.store.mongo.MongoSettings;
import dev.userkit.store.mongo.MongoStoreModule;
import org.springframework.beans.factory.ListableBeanFactory;

/** The MongoDB store's module, the only class of the starter that names store-mongo and the driver. */
final class MongoOpening {
    private MongoOpening() {}

    static boolean hasClient(ListableBeanFactory beans) {
        return beans.getBeanProvider(MongoClient.class).getIfUnique() != null;
    }

    /** With a URL, a client of the store's own; else the application's {@code MongoClient} bean, if it has one. */
    static StoreModule module(UserKitProperties.Store store, Settings s, ListableBeanFactory beans) {
        MongoClient client = store.url() == null ? beans.getBeanProvider(MongoClient.class).getIfUnique() : null;
        MongoSettings settings = MongoSettings.builder().build(s);
        return client != null ? new MongoStoreModule(client.getDatabase(settings.database()), store.schemaMode()) : new MongoStoreModule(settings, store.schemaMode());
    }
}
