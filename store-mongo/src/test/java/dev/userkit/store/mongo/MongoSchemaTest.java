package dev.userkit.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.userkit.domain.Phone;
import dev.userkit.domain.Username;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ST2: the schema call creates the collections and the indexes the stores rely on, and running it
 * again changes nothing. The index requests are checked as sent (a command listener), so the TTL and
 * secondary indexes are proven even on the in-process stand-in, which ignores those.
 */
class MongoSchemaTest {
    private static final List<BsonDocument> CREATED_INDEXES = new ArrayList<>();
    private static MongoClient listened;

    @BeforeAll
    static void listen() {
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("createIndexes")) {
                    synchronized (CREATED_INDEXES) {
                        event.getCommand().getArray("indexes").forEach(i -> {
                            BsonDocument copy = new BsonDocument("collection", event.getCommand().get("createIndexes"));
                            copy.putAll(i.asDocument().clone()); // clone: the event's buffer is released afterwards
                            CREATED_INDEXES.add(copy);
                        });
                    }
                }
            }
        };
        String uri = MongoTestServer.connectionString();
        listened = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .addCommandListener(recorder).build());
    }

    @AfterAll
    static void close() {
        listened.close();
    }

    @Test
    @DisplayName("ST2 the schema asks for unique indexes on every key the stores keep unique")
    void uniqueIndexes() {
        MongoSchema.create(freshDatabase(), MongoTestServer.TEST_TTL_GRACE);
        assertThat(requested(true)).contains(
                "userkit_users{usernameKey}", "userkit_users{usernameSkeleton}", "userkit_users{emailKey}", "userkit_users{phone}",
                "userkit_sessions{tokenHash}", "userkit_roles{name}", "userkit_role_grants{userId,roleId}",
                "userkit_devices{userId,tokenHash}");
    }

    @Test
    @DisplayName("ST2 the schema asks for lookup indexes by user id and expiry, and TTL indexes on session and code expiry")
    void lookupAndTtlIndexes() {
        MongoSchema.create(freshDatabase(), Duration.ofHours(2));
        assertThat(requested(false)).contains("userkit_users{status,createdAt}", "userkit_sessions{userId,_id}",
                "userkit_sessions{absoluteExpiresAt}", "userkit_codes{userId,purpose}", "userkit_role_grants{roleId,userId}",
                "userkit_attempts{windowEndsAt}");
        synchronized (CREATED_INDEXES) {
            assertThat(CREATED_INDEXES.stream().filter(i -> i.containsKey("expireAfterSeconds"))
                    .map(i -> i.getString("collection").getValue() + "." + i.getDocument("key").getFirstKey()
                            + "=" + i.getNumber("expireAfterSeconds").longValue()))
                    .contains("userkit_sessions.idleExpiresAt=7200", "userkit_codes.expiresAt=7200");
        }
    }

    @Test
    @DisplayName("REL-8 the schema asks for the outbox's due and listing indexes, and a purge index holding only messages with a payload")
    void outboxIndexes() {
        MongoSchema.create(freshDatabase(), MongoTestServer.TEST_TTL_GRACE);
        assertThat(requested(false)).contains("userkit_outbox{state,nextAttemptAt,_id}", "userkit_outbox{state,createdAt,_id}",
                "userkit_outbox{expiresAt}");
        synchronized (CREATED_INDEXES) {
            assertThat(CREATED_INDEXES.stream().filter(i -> i.getString("collection").getValue().equals(MongoCollections.OUTBOX))
                    .filter(i -> i.containsKey("partialFilterExpression"))
                    .map(i -> i.getDocument("key").getFirstKey() + " " + i.getDocument("partialFilterExpression").toJson()))
                    .containsExactly("expiresAt {\"payload\": {\"$exists\": true}}");
            assertThat(CREATED_INDEXES.stream().filter(i -> i.getString("collection").getValue().equals(MongoCollections.OUTBOX)))
                    .as("no TTL index: a DEAD message stays visible until an administrator acts")
                    .noneMatch(i -> i.containsKey("expireAfterSeconds"));
        }
    }

    @Test
    @DisplayName("ST2 creating the schema twice over existing data is a no-op: data stays, uniqueness still holds")
    void idempotent() {
        MongoDatabase db = MongoTestServer.rawDatabase("schema_twice");
        MongoSchema.create(db, MongoTestServer.TEST_TTL_GRACE);
        Stores stores = MongoStores.create(db);
        UserRecord alice = Fixtures.record(Fixtures.aSampleUser("alice").phone(Phone.of("+4915112345678")).build());
        stores.users().insert(alice);
        MongoSchema.create(db, MongoTestServer.TEST_TTL_GRACE);

        assertThat(stores.users().findByUsernameKey("alice")).contains(alice);
        assertThat(db.listCollectionNames().into(new ArrayList<>())).containsAll(MongoCollections.ALL);
        assertThatThrownBy(() -> stores.users().insert(Fixtures.sampleUser("alice"))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    @DisplayName("ST2 phone uniqueness covers only users that have a phone")
    void phoneIndexIgnoresUsersWithoutPhone() {
        MongoDatabase db = freshDatabase();
        MongoSchema.create(db, MongoTestServer.TEST_TTL_GRACE);
        Stores stores = MongoStores.create(db);
        stores.users().insert(Fixtures.sampleUser("nophone1"));
        stores.users().insert(Fixtures.sampleUser("nophone2"));
        stores.users().insert(Fixtures.record(Fixtures.aSampleUser("withphone").phone(Phone.of("+4915112345678")).build()));
        UserRecord samePhone = Fixtures.record(Fixtures.aSampleUser("samephone").phone(Phone.of("+4915112345678")).build());
        assertThatThrownBy(() -> stores.users().insert(samePhone)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    @DisplayName("SEC-23 the schema call back-fills username skeletons oldest first: a legacy look-alike keeps working without one")
    void skeletonBackfill() {
        MongoDatabase db = MongoTestServer.rawDatabase("skeleton_backfill");
        MongoSchema.create(db, MongoTestServer.TEST_TTL_GRACE);
        Stores stores = MongoStores.create(db);
        UserRecord admin = Fixtures.sampleUser("admin");
        UserRecord dotless = Fixtures.sampleUser("adm\u0131n");
        // written as releases before skeletons did: without the field
        var users = db.getCollection(MongoCollections.USERS);
        for (UserRecord legacy : List.of(dotless, admin)) {
            stores.users().insert(withoutSkeleton(legacy));
        }
        MongoSchema.create(db, MongoTestServer.TEST_TTL_GRACE);

        UserRecord older = admin.user().id().compareTo(dotless.user().id()) < 0 ? admin : dotless;
        UserRecord newer = older == admin ? dotless : admin;
        assertThat(stores.users().findById(older.user().id()).orElseThrow().user().username()).isEqualTo(older.user().username());
        assertThat(stores.users().findById(newer.user().id()).orElseThrow().user().username().skeleton()).isNull();
        assertThat(users.countDocuments(new org.bson.Document(MongoUserStore.USERNAME_SKELETON, Username.skeletonOf("admin")))).isOne();
        assertThat(stores.users().update(stores.users().findById(newer.user().id()).orElseThrow().nextWithHash("h2"))).isTrue();
        assertThatThrownBy(() -> stores.users().insert(Fixtures.sampleUser("adrnin"))).isInstanceOf(DuplicateKeyException.class);
    }

    private static UserRecord withoutSkeleton(UserRecord r) {
        Username u = r.user().username();
        return new UserRecord(r.user().withUsername(new Username(u.value(), u.key(), null), r.user().updatedAt()), r.passwordHash(), 0, 0);
    }

    @Test
    @DisplayName("ST2 a negative TTL grace is refused")
    void negativeGrace() {
        assertThatThrownBy(() -> MongoSchema.create(freshDatabase(), Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static MongoDatabase freshDatabase() {
        MongoDatabase db = listened.getDatabase(MongoTestServer.rawDatabase("schema").getName());
        synchronized (CREATED_INDEXES) {
            CREATED_INDEXES.clear();
        }
        return db;
    }

    private static List<String> requested(boolean unique) {
        synchronized (CREATED_INDEXES) {
            return CREATED_INDEXES.stream()
                    .filter(i -> i.getBoolean("unique", org.bson.BsonBoolean.FALSE).getValue() == unique)
                    .map(i -> i.getString("collection").getValue() + "{" + String.join(",", i.getDocument("key").keySet()) + "}")
                    .toList();
        }
    }
}
