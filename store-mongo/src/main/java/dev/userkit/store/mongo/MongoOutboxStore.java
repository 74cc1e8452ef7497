package dev.userkit.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static dev.userkit.store.mongo.BsonValues.date;
import static dev.userkit.store.mongo.BsonValues.instant;

import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * Outbox messages keyed by their id ({@code _id}), the payload as BSON binary (ciphertext only).
 * Every state change is one single-document operation whose filter carries the whole guard: a claim
 * is one {@code findOneAndUpdate} (so of two senders exactly one gets the message), and a sender's
 * report of delivery or failure only lands while its own lease is recorded. An erased payload, and a
 * lease that was released, are removed fields rather than nulls, so that the purge index (partial on
 * the payload's presence) holds only messages that still carry one.
 */
final class MongoOutboxStore implements OutboxStore {
    static final String STATE = "state";
    static final String CREATED_AT = "createdAt";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String PAYLOAD = "payload";
    private static final String KIND = "kind";
    private static final String ATTEMPTS = "attempts";
    private static final String LEASE_OWNER = "leaseOwner";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String LAST_ERROR = "lastError";
    private static final String EXPIRED = "expired";
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
    private static final Bson RELEASE = Updates.combine(Updates.unset(LEASE_OWNER), Updates.unset(LEASE_UNTIL));

    private final Documents outbox;

    MongoOutboxStore(Documents outbox) {
        this.outbox = outbox;
    }

    @Override
    public void add(OutboxRecord record) {
        // a plain insert: the unique _id refuses a second message with this id (E11000, DuplicateKeyException)
        outbox.insert(toDocument(record));
    }

    @Override
    public List<OutboxRecord> due(Instant now, int limit) {
        // limit(0) would mean "no limit" to the server
        if (limit <= 0) return List.of();
        return MongoFaults.call(outbox.name(), () -> outbox.collection().find(claimable(now))
                .sort(Sorts.ascending(NEXT_ATTEMPT_AT, "_id")).limit(limit)
                .map(MongoOutboxStore::fromDocument).into(new ArrayList<>()));
    }

    @Override
    public Optional<OutboxRecord> claim(String id, String owner, Instant now, Instant leaseUntil) {
        // the whole guard sits in the filter of one findOneAndUpdate: the server checks and writes atomically
        Bson update = Updates.combine(Updates.inc(ATTEMPTS, 1),
                Updates.set(LEASE_OWNER, owner), Updates.set(LEASE_UNTIL, date(leaseUntil)));
        return MongoFaults.call(outbox.name(), () -> Optional.ofNullable(
                outbox.collection().findOneAndUpdate(and(eq("_id", id), claimable(now)), update, AFTER))
                .map(MongoOutboxStore::fromDocument));
    }

    /** PENDING, due, and unleased or leased until before {@code now}. */
    private static Bson claimable(Instant now) {
        // eq(field, null) matches a missing field as well as an explicit null
        return and(eq(STATE, OutboxState.PENDING.name()), lte(NEXT_ATTEMPT_AT, date(now)),
                or(eq(LEASE_UNTIL, null), lt(LEASE_UNTIL, date(now))));
    }

    @Override
    public boolean delivered(String id, String owner, Instant at) {
        return outbox.updateOne(heldBy(id, owner), Updates.combine(Updates.set(STATE, OutboxState.DELIVERED.name()),
                Updates.set(NEXT_ATTEMPT_AT, date(at)), Updates.unset(PAYLOAD), RELEASE));
    }

    @Override
    public boolean failed(String id, String owner, String error, Instant nextAttemptAt, boolean dead) {
        Bson next = dead ? Updates.set(STATE, OutboxState.DEAD.name()) : Updates.set(NEXT_ATTEMPT_AT, date(nextAttemptAt));
        return outbox.updateOne(heldBy(id, owner), Updates.combine(next, Updates.set(LAST_ERROR, error), RELEASE));
    }

    /** The message, while PENDING under {@code owner}'s lease. */
    private static Bson heldBy(String id, String owner) {
        return and(eq("_id", id), eq(STATE, OutboxState.PENDING.name()), eq(LEASE_OWNER, owner));
    }

    @Override
    public Optional<OutboxRecord> findById(String id) {
        return outbox.first(eq("_id", id), MongoOutboxStore::fromDocument);
    }

    @Override
    public List<OutboxRecord> findByState(OutboxState state, int limit) {
        if (limit <= 0) return List.of();
        return MongoFaults.call(outbox.name(), () -> outbox.collection().find(eq(STATE, state.name()))
                .sort(Sorts.ascending(CREATED_AT, "_id")).limit(limit)
                .map(MongoOutboxStore::fromDocument).into(new ArrayList<>()));
    }

    /** Counted off the {@code (state, nextAttemptAt, _id)} index, the server stopping at the limit. */
    @Override
    public int countPending(int limit) {
        // limit(0) would mean "no limit" to the server
        if (limit <= 0) return 0;
        return MongoFaults.call(outbox.name(), () -> (int) outbox.collection()
                .countDocuments(eq(STATE, OutboxState.PENDING.name()), new CountOptions().limit(limit)));
    }

    @Override
    public boolean retry(String id, Instant now) {
        return outbox.updateOne(and(eq("_id", id), eq(STATE, OutboxState.DEAD.name()), exists(PAYLOAD)),
                Updates.combine(Updates.set(STATE, OutboxState.PENDING.name()), Updates.set(ATTEMPTS, 0),
                        Updates.set(NEXT_ATTEMPT_AT, date(now)), RELEASE));
    }

    @Override
    public int purge(Instant now, Instant deliveredBefore, int limit) {
        if (limit <= 0) return 0;
        return eraseExpired(now, limit) + outbox.deleteFirst(
                and(eq(STATE, OutboxState.DELIVERED.name()), lt(NEXT_ATTEMPT_AT, date(deliveredBefore))), limit);
    }

    @Override
    public int deleteDead(Instant createdBefore, int limit) {
        if (limit <= 0) return 0;
        return outbox.deleteFirst(and(eq(STATE, OutboxState.DEAD.name()), lt(CREATED_AT, date(createdBefore))), limit);
    }

    /**
     * Erases at most {@code limit} expired payloads: reads their ids, then updates those that still
     * match (the filter repeated), a PENDING one to DEAD "expired", any other only losing its payload.
     */
    private int eraseExpired(Instant now, int limit) {
        // exists(payload) lets real MongoDB serve this from the partial expiresAt index, which also
        // yields the oldest expiry first without a sort stage
        Bson expired = and(lte(EXPIRES_AT, date(now)), exists(PAYLOAD));
        return MongoFaults.call(outbox.name(), () -> {
            List<Object> ids = outbox.collection().find(expired).projection(Projections.include("_id"))
                    .sort(Sorts.ascending(EXPIRES_AT)).limit(limit).map(d -> d.get("_id")).into(new ArrayList<>());
            if (ids.isEmpty()) return 0;
            Bson batch = and(in("_id", ids), expired);
            long dead = outbox.collection().updateMany(and(batch, eq(STATE, OutboxState.PENDING.name())),
                    Updates.combine(Updates.set(STATE, OutboxState.DEAD.name()), Updates.set(LAST_ERROR, EXPIRED),
                            Updates.unset(PAYLOAD), RELEASE)).getModifiedCount();
            long erased = outbox.collection().updateMany(batch, Updates.unset(PAYLOAD)).getModifiedCount();
            return (int) (dead + erased);
        });
    }

    private static Document toDocument(OutboxRecord r) {
        Document d = new Document("_id", r.id())
                .append(KIND, r.kind().name())
                .append(STATE, r.state().name())
                .append(ATTEMPTS, r.attempts())
                .append(CREATED_AT, date(r.createdAt()))
                .append(NEXT_ATTEMPT_AT, date(r.nextAttemptAt()))
                .append(EXPIRES_AT, date(r.expiresAt()));
        appendIfPresent(d, LEASE_OWNER, r.leaseOwner());
        appendIfPresent(d, LEASE_UNTIL, date(r.leaseUntil()));
        appendIfPresent(d, LAST_ERROR, r.lastError());
        byte[] payload = r.payload();
        appendIfPresent(d, PAYLOAD, payload == null ? null : new Binary(payload));
        return d;
    }

    private static void appendIfPresent(Document d, String field, Object value) {
        if (value != null) d.append(field, value);
    }

    private static OutboxRecord fromDocument(Document d) {
        Binary payload = d.get(PAYLOAD, Binary.class);
        return new OutboxRecord(d.getString("_id"), MessageKind.valueOf(d.getString(KIND)),
                OutboxState.valueOf(d.getString(STATE)), ((Number) d.get(ATTEMPTS)).intValue(),
                instant(d, CREATED_AT), instant(d, NEXT_ATTEMPT_AT), d.getString(LEASE_OWNER), instant(d, LEASE_UNTIL),
                d.getString(LAST_ERROR), payload == null ? null : payload.getData(), instant(d, EXPIRES_AT));
    }
}
