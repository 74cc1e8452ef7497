package dev.userkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import com.mongodb.client.MongoDatabase;
import dev.userkit.StoreException;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.Stores;
import dev.userkit.testkit.Fixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The MongoDB store's start-up: the same schema modes as SQL, a client it owns closed with it, a failure that says where. */
class MongoStartupTest {
    @Test
    @DisplayName("ST2 VALIDATE on an empty database fails naming what is missing, and creates nothing")
    void validateWhenSchemaIsMissingThenFailsNamingIt() {
        MongoDatabase db = MongoTestServer.rawDatabase("validate_empty");

        assertThatThrownBy(() -> MongoStores.open(db, SchemaMode.VALIDATE)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot start the MongoDB store (database " + db.getName())
                .hasMessageContaining("Schema is not current").hasMessageContaining("collection " + MongoCollections.USERS);
        assertThat(db.listCollectionNames().into(new ArrayList<>())).isEmpty();
    }

    @Test
    @DisplayName("ST2 VALIDATE fails on a missing index, and passes once MIGRATE created the schema")
    void validateWhenMigratedThenPasses() {
        MongoDatabase db = MongoTestServer.rawDatabase("validate_migrated");
        MongoStores.open(db, SchemaMode.MIGRATE);
        MongoStores.open(db, SchemaMode.VALIDATE);

        db.getCollection(MongoCollections.ROLES).dropIndex(MongoRoleStore.NAME + "_1");

        assertThatThrownBy(() -> MongoStores.open(db, SchemaMode.VALIDATE)).isInstanceOf(StoreException.class)
                .hasMessageContaining("index " + MongoCollections.ROLES + "[" + MongoRoleStore.NAME + "]");
    }

    @Test
    @DisplayName("ST2 a schema created before the outbox fails VALIDATE naming the outbox collection; MIGRATE adds it in place, keeping the data")
    void validateWhenOutboxIsMissingThenMigrateAddsIt() {
        MongoDatabase db = MongoTestServer.rawDatabase("before_outbox");
        MongoStores.open(db, SchemaMode.MIGRATE).users().insert(Fixtures.sampleUser("alice"));
        db.getCollection(MongoCollections.OUTBOX).drop();

        assertThatThrownBy(() -> MongoStores.open(db, SchemaMode.VALIDATE)).isInstanceOf(StoreException.class)
                .hasMessageContaining("collection " + MongoCollections.OUTBOX);
        Stores migrated = MongoStores.open(db, SchemaMode.MIGRATE);
        MongoStores.open(db, SchemaMode.VALIDATE);
        assertThat(migrated.users().findByUsernameKey("alice")).isPresent();
        assertThat(migrated.outbox().findByState(OutboxState.PENDING, 10)).isEmpty();
    }

    @Test
    @DisplayName("ST2 NONE touches nothing")
    void noneTouchesNothing() {
        MongoDatabase db = MongoTestServer.rawDatabase("none");
        MongoStores.open(db, SchemaMode.NONE);
        assertThat(db.listCollectionNames().into(new ArrayList<>())).isEmpty();
    }

    @Test
    @DisplayName("the client a module creates from settings is closed with its stores")
    void ownClientIsClosedWithTheStores() {
        MongoSettings settings = MongoSettings.builder().connectionString(MongoTestServer.connectionString())
                .database(MongoTestServer.rawDatabase("own_client").getName()).build();
        Stores stores = Guice.createInjector(new MongoStoreModule(settings, SchemaMode.MIGRATE)).getInstance(Stores.class);
        assertThat(stores.roles().findByName("admin")).isEmpty();

        stores.close();

        assertThatThrownBy(() -> stores.roles().findByName("admin")).isInstanceOf(StoreException.class);
    }

    @Test
    @DisplayName("an unreachable server fails the start quickly, naming the hosts and database and the root cause")
    void startWhenServerIsUnreachableThenFailsNamingIt() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        MongoSettings settings = MongoSettings.builder().connectionString("mongodb://127.0.0.1:" + port)
                .database("nowhere").serverSelectionTimeout(Duration.ofMillis(500)).build();

        long start = System.nanoTime();
        Throwable failure = catchThrowable(
                () -> Guice.createInjector(new MongoStoreModule(settings, SchemaMode.MIGRATE)).getInstance(Stores.class));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(failure).isInstanceOf(ProvisionException.class);
        assertThat(failure.getCause()).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot start the MongoDB store (hosts [127.0.0.1:" + port + "], database nowhere)")
                .hasMessageContaining("MongoTimeoutException");
    }
}
