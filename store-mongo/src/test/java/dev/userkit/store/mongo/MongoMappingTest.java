package dev.userkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.Verb;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxStore;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Test
    @DisplayName("SEC-12 an outbox message is its id as _id and its ciphertext as BSON binary; delivery removes the payload and lease fields")
    void outboxShape() {
        OutboxStore outbox = DB.wipedStores().outbox();
        byte[] ciphertext = {0, 1, 2, (byte) 0xff};
        outbox.add(OutboxRecord.queued("msg-1", MessageKind.PASSWORD_RESET, ciphertext, Fixtures.AT, Fixtures.AT.plus(Duration.ofMinutes(15))));
        var raw = DB.database().getCollection(MongoCollections.OUTBOX, BsonDocument.class);

        BsonDocument queued = raw.find().first();
        assertThat(queued.getString("_id").getValue()).isEqualTo("msg-1");
        assertThat(queued.getBinary(MongoOutboxStore.PAYLOAD).getType()).isEqualTo(BsonBinarySubType.BINARY.getValue());
        assertThat(queued.getBinary(MongoOutboxStore.PAYLOAD).getData()).isEqualTo(ciphertext);
        assertThat(queued.get(MongoOutboxStore.EXPIRES_AT).getBsonType()).isEqualTo(BsonType.DATE_TIME);
        assertThat(queued.keySet()).as("no lease and no error yet: fields left out, not null")
                .doesNotContain("leaseOwner", "leaseUntil", "lastError");

        outbox.claim("msg-1", "sender-a", Fixtures.AT, Fixtures.AT.plusSeconds(60)).orElseThrow();
        assertThat(outbox.delivered("msg-1", "sender-a", Fixtures.AT.plusSeconds(1))).isTrue();
        assertThat(raw.find().first().keySet()).doesNotContain(MongoOutboxStore.PAYLOAD, "leaseOwner", "leaseUntil");
    }

    @Test
    @DisplayName("R6 permissions stored without an id (before R6) read with the id derived from the role's id and name, and keep it once the role is written again")
    void legacyPermissionIds() {
        Stores stores = DB.wipedStores();
        Role role = new Role(IdGenerator.roleId(), "legacy", "", List.of(new Permission("old", "/old/**", Set.of(Verb.GET))));
        stores.roles().insert(new RoleRecord(role, 0));
        // what a release before R6 wrote: the permission without its id
        DB.database().getCollection(MongoCollections.ROLES).updateOne(Filters.eq("_id", BsonValues.bin(role.id().value())),
                Updates.set("permissions", List.of(new Document("name", "old").append("pattern", "/old/**").append("verbs", List.of("GET")))));
        String derived = Permission.legacyId(role.id(), "old");
        RoleRecord read = stores.roles().findByName("legacy").orElseThrow();
        assertThat(read.role().permissions()).extracting(Permission::id).containsExactly(derived);

        assertThat(stores.roles().update(read.next(new Role(role.id(), "renamed", "", read.role().permissions())))).isTrue();
        Document raw = DB.database().getCollection(MongoCollections.ROLES).find().first();
        assertThat(raw.getList("permissions", Document.class).get(0).getString("id")).isEqualTo(derived);
    }
}
