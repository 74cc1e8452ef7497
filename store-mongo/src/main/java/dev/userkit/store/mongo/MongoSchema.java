package dev.userkit.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.userkit.StoreException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Creates UserKit's collections and indexes in one database (ST2). Call it explicitly at start-up
 * or from a deployment step, never from a Guice module; it is idempotent, so calling it on every
 * start is fine. Uniqueness rests on these indexes: without them the stores cannot keep usernames
 * (and their look-alike skeletons), emails, phones, role names and token hashes unique. It also
 * gives users stored before skeletons existed theirs.
 *
 * <p>The TTL indexes on session and code expiry only tidy up: expiry is always checked at read time
 * by the services, and MongoDB's TTL monitor runs about once a minute. {@code ttlGrace} keeps expired
 * documents that much longer (so an expired code can still be told from an invalid one for a while).
 * Changing the grace of an existing TTL index needs {@code collMod} or dropping the index; this
 * class does not redefine existing indexes.
 */
public final class MongoSchema {
    /** The grace {@link #create(MongoDatabase)} uses: one day. */
    public static final Duration DEFAULT_TTL_GRACE = Duration.ofDays(1);
    // the server's "collection already exists" code, for two processes creating the schema at once
    private static final int NAMESPACE_EXISTS = 48;

    private MongoSchema() {}

    /**
     * Creates the collections and indexes with the default TTL grace.
     *
     * @param database the database to prepare
     * @throws StoreException if the server refuses (for example an index of the same name with other options)
     */
    public static void create(MongoDatabase database) {
        create(database, DEFAULT_TTL_GRACE);
    }

    /**
     * Creates the collections and indexes; expired sessions and codes are removed by the server
     * {@code ttlGrace} after they expire.
     *
     * @param database the database to prepare
     * @param ttlGrace how long after expiry the server removes a session or code
     * @throws StoreException if the server refuses (for example an index of the same name with other options)
     * @throws IllegalArgumentException if {@code ttlGrace} is negative
     */
    public static void create(MongoDatabase database, Duration ttlGrace) {
        if (ttlGrace.isNegative()) throw new IllegalArgumentException("ttlGrace must not be negative");
        MongoFaults.run("schema", () -> {
            createCollections(database);
            createIndexes(database, ttlGrace.toSeconds());
            MongoSkeletonBackfill.run(database.getCollection(MongoCollections.USERS));
        });
    }

    private static void createCollections(MongoDatabase db) {
        Set<String> existing = db.listCollectionNames().into(new HashSet<>());
        for (String name : MongoCollections.ALL) {
            if (existing.contains(name)) continue;
            try {
                db.createCollection(name);
            } catch (com.mongodb.MongoCommandException e) {
                if (e.getErrorCode() != NAMESPACE_EXISTS) throw e;
            }
        }
    }

    private static void createIndexes(MongoDatabase db, long ttlSeconds) {
        MongoCollection<Document> users = db.getCollection(MongoCollections.USERS);
        unique(users, Indexes.ascending(MongoUserStore.USERNAME_KEY));
        // sparse: a legacy user whose name looks like an older user's has no skeleton (see MongoSkeletonBackfill)
        users.createIndex(Indexes.ascending(MongoUserStore.USERNAME_SKELETON), new IndexOptions().unique(true).sparse(true));
        unique(users, Indexes.ascending(MongoUserStore.EMAIL_KEY));
        // Only users that have a phone take part in its uniqueness. Sparse rather than partial
        // ({phone: {$type: "string"}}): the store leaves the field out when there is no phone and
        // never writes null, so both select the same documents, and sparse is also what the
        // in-process test server (mongo-java-server, which ignores partial filters) enforces.
        users.createIndex(Indexes.ascending(MongoUserStore.PHONE), new IndexOptions().unique(true).sparse(true));
        users.createIndex(Indexes.ascending(MongoUserStore.STATUS, MongoUserStore.CREATED_AT));

        MongoCollection<Document> sessions = db.getCollection(MongoCollections.SESSIONS);
        unique(sessions, Indexes.ascending(MongoSessionStore.TOKEN_HASH));
        sessions.createIndex(Indexes.ascending(MongoSessionStore.USER_ID, "_id"));
        sessions.createIndex(Indexes.ascending(MongoSessionStore.DEVICE_ID));
        sessions.createIndex(Indexes.ascending(MongoSessionStore.ABSOLUTE_EXPIRES_AT));
        // expiresAt() <= idleExpiresAt, so a session past its idle end is certainly expired
        sessions.createIndex(Indexes.ascending(MongoSessionStore.IDLE_EXPIRES_AT), ttl(ttlSeconds));

        MongoCollection<Document> codes = db.getCollection(MongoCollections.CODES);
        // the code hash is the _id: unique by construction
        codes.createIndex(Indexes.ascending(MongoCodeStore.USER_ID, MongoCodeStore.PURPOSE));
        codes.createIndex(Indexes.ascending(MongoCodeStore.EXPIRES_AT), ttl(ttlSeconds));

        unique(db.getCollection(MongoCollections.ROLES), Indexes.ascending(MongoRoleStore.NAME));
        MongoCollection<Document> grants = db.getCollection(MongoCollections.GRANTS);
        unique(grants, Indexes.ascending(MongoRoleStore.USER_ID, MongoRoleStore.ROLE_ID));
        grants.createIndex(Indexes.ascending(MongoRoleStore.ROLE_ID, MongoRoleStore.USER_ID));

        unique(db.getCollection(MongoCollections.DEVICES), Indexes.ascending(MongoDeviceStore.USER_ID, MongoDeviceStore.TOKEN_HASH));

        db.getCollection(MongoCollections.ATTEMPTS).createIndex(Indexes.ascending(MongoAttemptStore.WINDOW_ENDS_AT));
    }

    private static void unique(MongoCollection<Document> collection, Bson keys) {
        collection.createIndex(keys, new IndexOptions().unique(true));
    }

    private static IndexOptions ttl(long seconds) {
        return new IndexOptions().expireAfter(seconds, TimeUnit.SECONDS);
    }
}
