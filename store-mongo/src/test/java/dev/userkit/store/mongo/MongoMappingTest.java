package dev.userkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How values sit in MongoDB: standard binary UUIDs, BSON dates, embedded JSON read back normalised. */
class MongoMappingTest {
    private static final WipedDatabase DB = new WipedDatabase("mapping");

    @Test
    @DisplayName("ST1 ids are standard binary UUIDs (subtype 4), instants BSON dates, metadata an embedded document, the language its tag")
    void storedShape() {
        Stores stores = DB.wipedStores();
        UserRecord alice = Fixtures.record(Fixtures.aSampleUser("alice")
                .metadata(Map.of("n", 3L, "x", 2.5, "tags", List.of("a", "b"))).build());
        stores.users().insert(alice);

        BsonDocument raw = DB.database().getCollection(MongoCollections.USERS, BsonDocument.class).find().first();
        assertThat(raw.getBinary("_id").getType()).isEqualTo(BsonBinarySubType.UUID_STANDARD.getValue());
        assertThat(raw.getBinary("_id").asUuid()).isEqualTo(alice.user().id().value());
        assertThat(raw.get("createdAt").getBsonType()).isEqualTo(BsonType.DATE_TIME);
        assertThat(raw.getDateTime("createdAt").getValue()).isEqualTo(Fixtures.AT.toEpochMilli());
        BsonDocument metadata = raw.getDocument("metadata");
        assertThat(metadata.get("n").getBsonType()).isEqualTo(BsonType.INT64);
        assertThat(metadata.get("x").getBsonType()).isEqualTo(BsonType.DOUBLE);
        assertThat(metadata.get("tags").getBsonType()).isEqualTo(BsonType.ARRAY);
        assertThat(raw.containsKey("phone")).as("no phone: field left out, not null").isFalse();
        assertThat(raw.getString("locale").getValue()).as("the language as its BCP 47 tag").isEqualTo("de-AT");
    }

    @Test
    @DisplayName("ST1 metadata written by another program as Int32 or nested documents reads back normalised (Long, Double)")
    void foreignNumbersAreNormalised() {
        Stores stores = DB.wipedStores();
        UserRecord alice = Fixtures.sampleUser("alice");
        stores.users().insert(alice);
        DB.database().getCollection(MongoCollections.USERS).updateOne(Filters.eq("_id", BsonValues.bin(alice.user().id().value())),
                Updates.set("metadata", new Document("i", 7).append("d", 1.5).append("nested", new Document("j", 8))
                        .append("list", List.of(1, 2.25))));

        Map<String, Object> metadata = stores.users().findById(alice.user().id()).orElseThrow().user().metadata();
        assertThat(metadata).containsEntry("i", 7L).containsEntry("d", 1.5)
                .containsEntry("nested", Map.of("j", 8L)).containsEntry("list", List.of(1L, 2.25));
    }

    @Test
    @DisplayName("ST1 the stores work over an application's client that has no UUID representation configured")
    void worksWithAnyUuidRepresentation() {
        try (MongoClient plain = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MongoTestServer.connectionString())).build())) {
            MongoDatabase db = plain.getDatabase(DB.database().getName());
            Stores viaPlain = MongoStores.create(db);
            Stores viaStandard = DB.wipedStores();
            UserRecord alice = Fixtures.sampleUser("alice");
            viaPlain.users().insert(alice);

            assertThat(viaPlain.users().findById(alice.user().id())).contains(alice);
            assertThat(viaStandard.users().findById(alice.user().id())).contains(alice);
        }
    }
}
