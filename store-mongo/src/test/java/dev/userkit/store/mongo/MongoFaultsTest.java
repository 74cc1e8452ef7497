package dev.userkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.userkit.StoreException;
import dev.userkit.domain.Email;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.Fixtures;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Unique clashes become DuplicateKeyException; every other driver fault a StoreException with its cause. */
class MongoFaultsTest {
    private static final WipedDatabase DB = new WipedDatabase("faults");

    @Test
    @DisplayName("ST1 an update onto another user's email is a DuplicateKeyException (E11000 on replace), and changes nothing")
    void updateClashIsDuplicate() {
        Stores stores = DB.wipedStores();
        UserRecord alice = Fixtures.sampleUser("alice");
        stores.users().insert(alice);
        stores.users().insert(Fixtures.sampleUser("bob"));
        UserRecord clash = alice.next(alice.user().withEmail(Email.of("bob@example.com"), Fixtures.AT));

        assertThatThrownBy(() -> stores.users().update(clash)).isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("emailKey");
        assertThat(stores.users().findById(alice.user().id())).contains(alice);
    }

    @Test
    @DisplayName("ST1 a server error other than a clash is a StoreException that keeps the driver's exception")
    void serverErrorIsStoreException() {
        Stores stores = DB.wipedStores();
        // a counter another program corrupted: $inc on a string fails on the server
        DB.database().getCollection(MongoCollections.ATTEMPTS).insertOne(new Document("_id", "corrupt")
                .append("count", "many").append("windowEndsAt", java.util.Date.from(Instant.parse("2030-01-01T00:00:00Z"))));

        assertThatThrownBy(() -> stores.attempts().increment("corrupt", Fixtures.AT, java.time.Duration.ofMinutes(1)))
                .isInstanceOf(StoreException.class).hasCauseInstanceOf(MongoException.class);
    }

    @Test
    @DisplayName("ST1 a closed client is a StoreException with the driver's exception as cause")
    void closedClientIsStoreException() {
        MongoClient client = MongoClients.create(MongoTestServer.connectionString());
        Stores stores = MongoStores.create(client.getDatabase(DB.database().getName()));
        client.close();
        assertThatThrownBy(() -> stores.users().findByUsernameKey("alice")).isInstanceOf(StoreException.class).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("ST1 an unreachable server is a StoreException with the driver's timeout as cause, never a raw driver exception")
    void unreachableServerIsStoreException() {
        MongoSettings settings = MongoSettings.builder().connectionString("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200&connectTimeoutMS=200")
                .build(java.util.Map.of());
        try (MongoClient client = MongoClients.create(settings.clientSettings())) {
            Stores stores = MongoStores.create(client.getDatabase("unreachable"));
            long start = System.nanoTime();
            assertThatThrownBy(() -> stores.sessions().findByTokenHash("x"))
                    .isInstanceOf(StoreException.class).hasCauseInstanceOf(MongoException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        }
    }

    @Test
    @DisplayName("REL-4 with the default settings a call to an unreachable server fails within the 2 s server selection timeout, not the driver's 30 s")
    void unreachableServerFailsWithinTheDefaultTimeout() {
        MongoSettings settings = MongoSettings.builder().connectionString("mongodb://127.0.0.1:1/").build(java.util.Map.of());
        try (MongoClient client = MongoClients.create(settings.clientSettings())) {
            Stores stores = MongoStores.create(client.getDatabase("unreachable"));
            long start = System.nanoTime();
            assertThatThrownBy(() -> stores.sessions().findByTokenHash("x")).isInstanceOf(StoreException.class);
            // the timeout plus a second of slack for a loaded machine
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                    .isLessThan(MongoSettings.DEFAULT_SERVER_SELECTION_TIMEOUT.plusSeconds(1).toMillis());
        }
    }
}
