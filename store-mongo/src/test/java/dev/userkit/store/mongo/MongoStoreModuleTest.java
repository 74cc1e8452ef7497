package dev.userkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.mongodb.client.MongoDatabase;
import dev.userkit.UserKitModule;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.Fixtures;
import java.util.ArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Guice face: binds Stores over the given database, connects lazily and never creates the schema. */
class MongoStoreModuleTest {
    @Test
    @DisplayName("ST1 the module binds Stores over the application's database, next to UserKitModule")
    void bindsStoresOverTheDatabase() {
        MongoDatabase db = MongoTestServer.newDatabase("module");
        Injector injector = Guice.createInjector(new UserKitModule(), new MongoStoreModule(MongoTestServer.client(), db.getName()));
        Stores stores = injector.getInstance(Stores.class);
        UserRecord alice = Fixtures.sampleUser("alice");
        stores.users().insert(alice);

        assertThat(MongoStores.create(db).users().findById(alice.user().id())).contains(alice);
        assertThat(injector.getInstance(Stores.class)).isSameAs(stores);
    }

    @Test
    @DisplayName("ST2 building the injector creates no collection and no index: the schema is an explicit call")
    void noSchemaSideEffects() {
        MongoDatabase db = MongoTestServer.rawDatabase("module_no_schema");
        Guice.createInjector(new UserKitModule(), new MongoStoreModule(db)).getInstance(Stores.class);
        assertThat(db.listCollectionNames().into(new ArrayList<>())).isEmpty();
    }
}
