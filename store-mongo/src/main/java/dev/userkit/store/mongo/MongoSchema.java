package dev.userkit.store.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.userkit.StoreException;
import dev.userkit.spi.SchemaMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /**
     * Does what the mode says (ST2): MIGRATE creates what is missing ({@link #create(MongoDatabase)}),
     * VALIDATE fails with a StoreException naming every missing collection and index, NONE does nothing.
     *
     * @param database the user space
     * @param mode what to do
     * @throws StoreException if the server refuses, or (VALIDATE) the schema is not current
     */
    public static void apply(MongoDatabase database, SchemaMode mode) {
        switch (mode) {
            case MIGRATE -> create(database);
            case VALIDATE -> validate(database);
            case NONE -> { }
        }
    }

    /**
     * Checks, without changing anything, that every collection and index exists (by its keys; the
     * TTL grace of an existing index is the deployment's choice and not checked).
     *
     * @param database the user space
     * @throws StoreException naming what is missing
     */
    public static void validate(MongoDatabase database) {
        List<String> missing = new ArrayList<>();
        MongoFaults.run("schema", () -> {
            Set<String> existing = database.listCollectionNames().into(new HashSet<>());
            for (String name : MongoCollections.ALL) {
                if (!existing.contains(name)) missing.add("collection " + name);
            }
            for (Index index : indexes(0)) {
                if (existing.contains(index.collection()) && !index.existsIn(database)) missing.add("index " + index);
            }
        });
        if (!missing.isEmpty()) {
            throw new StoreException("Schema is not current in database " + database.getName()
                    + "; create it (SchemaMode.MIGRATE or MongoSchema.create): missing " + String.join(", ", missing));
        }
    }

    private static void createIndexes(MongoDatabase db, long ttlSeconds) {
        for (Index index : indexes(ttlSeconds)) {
            db.getCollection(index.collection()).createIndex(index.keys(), index.options());
        }
    }

    /** Every index the stores rely on, in creation order. */
    private static List<Index> indexes(long ttlSeconds) {
        return List.of(
                unique(MongoCollections.USERS, Indexes.ascending(MongoUserStore.USERNAME_KEY)),
                // sparse: a legacy user whose name looks like an older user's has no skeleton (see MongoSkeletonBackfill)
                new Index(MongoCollections.USERS, Indexes.ascending(MongoUserStore.USERNAME_SKELETON),
                        new IndexOptions().unique(true).sparse(true)),
                unique(MongoCollections.USERS, Indexes.ascending(MongoUserStore.EMAIL_KEY)),
                // Only users that have a phone take part in its uniqueness. Sparse rather than partial
                // ({phone: {$type: "string"}}): the store leaves the field out when there is no phone and
                // never writes null, so both select the same documents, and sparse is also what the
                // in-process test server (mongo-java-server, which ignores partial filters) enforces.
                new Index(MongoCollections.USERS, Indexes.ascending(MongoUserStore.PHONE), new IndexOptions().unique(true).sparse(true)),
                plain(MongoCollections.USERS, Indexes.ascending(MongoUserStore.STATUS, MongoUserStore.CREATED_AT)),
                unique(MongoCollections.SESSIONS, Indexes.ascending(MongoSessionStore.TOKEN_HASH)),
                plain(MongoCollections.SESSIONS, Indexes.ascending(MongoSessionStore.USER_ID, "_id")),
                plain(MongoCollections.SESSIONS, Indexes.ascending(MongoSessionStore.DEVICE_ID)),
                plain(MongoCollections.SESSIONS, Indexes.ascending(MongoSessionStore.ABSOLUTE_EXPIRES_AT)),
                // expiresAt() <= idleExpiresAt, so a session past its idle end is certainly expired
                new Index(MongoCollections.SESSIONS, Indexes.ascending(MongoSessionStore.IDLE_EXPIRES_AT), ttl(ttlSeconds)),
                // the code hash is the _id: unique by construction
                plain(MongoCollections.CODES, Indexes.ascending(MongoCodeStore.USER_ID, MongoCodeStore.PURPOSE)),
                new Index(MongoCollections.CODES, Indexes.ascending(MongoCodeStore.EXPIRES_AT), ttl(ttlSeconds)),
                unique(MongoCollections.ROLES, Indexes.ascending(MongoRoleStore.NAME)),
                unique(MongoCollections.GRANTS, Indexes.ascending(MongoRoleStore.USER_ID, MongoRoleStore.ROLE_ID)),
                plain(MongoCollections.GRANTS, Indexes.ascending(MongoRoleStore.ROLE_ID, MongoRoleStore.USER_ID)),
                unique(MongoCollections.DEVICES, Indexes.ascending(MongoDeviceStore.USER_ID, MongoDeviceStore.TOKEN_HASH)),
                plain(MongoCollections.ATTEMPTS, Indexes.ascending(MongoAttemptStore.WINDOW_ENDS_AT)),
                // The message id is the _id. due and the listing sort by time then _id: with _id in the
                // index too, the server reads them in order and stops at the limit instead of sorting
                // every due message; the purge of delivered messages walks the first index as well.
                plain(MongoCollections.OUTBOX, Indexes.ascending(MongoOutboxStore.STATE, MongoOutboxStore.NEXT_ATTEMPT_AT, "_id")),
                plain(MongoCollections.OUTBOX, Indexes.ascending(MongoOutboxStore.STATE, MongoOutboxStore.CREATED_AT, "_id")),
                // Partial on the payload's presence: an erased message leaves the index, so each purge
                // batch scans only payloads still to erase instead of every message that ever expired.
                new Index(MongoCollections.OUTBOX, Indexes.ascending(MongoOutboxStore.EXPIRES_AT), new IndexOptions()
                        .partialFilterExpression(Filters.exists(MongoOutboxStore.PAYLOAD))));
    }

    private static Index unique(String collection, Bson keys) {
        return new Index(collection, keys, new IndexOptions().unique(true));
    }

    private static Index plain(String collection, Bson keys) {
        return new Index(collection, keys, new IndexOptions());
    }

    /** One index of one collection. */
    private record Index(String collection, Bson keys, IndexOptions options) {
        /** True if the collection has an index on the same fields in the same order. */
        boolean existsIn(MongoDatabase db) {
            List<String> fields = List.copyOf(keys.toBsonDocument().keySet());
            for (Document index : db.getCollection(collection).listIndexes()) {
                if (List.copyOf(index.get("key", Document.class).keySet()).equals(fields)) return true;
            }
            return false;
        }

        @Override
        public String toString() {
            return collection + keys.toBsonDocument().keySet();
        }
    }

    private static IndexOptions ttl(long seconds) {
        return new IndexOptions().expireAfter(seconds, TimeUnit.SECONDS);
    }
}
