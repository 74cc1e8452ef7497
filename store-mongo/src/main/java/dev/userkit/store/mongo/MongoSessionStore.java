package dev.userkit.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static dev.userkit.store.mongo.BsonValues.bin;
import static dev.userkit.store.mongo.BsonValues.date;
import static dev.userkit.store.mongo.BsonValues.instant;

import com.mongodb.client.model.Updates;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Sessions keyed by id with a unique index on the token hash; expiry is filtered with the instants given. */
final class MongoSessionStore implements SessionStore {
    static final String TOKEN_HASH = "tokenHash";
    static final String USER_ID = "userId";
    static final String DEVICE_ID = "deviceId";
    static final String IDLE_EXPIRES_AT = "idleExpiresAt";
    static final String ABSOLUTE_EXPIRES_AT = "absoluteExpiresAt";
    private static final String LAST_SEEN_AT = "lastSeenAt";
    private static final String SECURITY_STAMP = "securityStamp";

    private final Documents sessions;

    MongoSessionStore(Documents sessions) {
        this.sessions = sessions;
    }

    @Override
    public void insert(SessionRecord session) {
        sessions.insert(toDocument(session));
    }

    @Override
    public Optional<SessionRecord> findByTokenHash(String tokenHash) {
        return findOne(eq(TOKEN_HASH, tokenHash));
    }

    @Override
    public Optional<SessionRecord> findById(SessionId id) {
        return findOne(eq("_id", bin(id.value())));
    }

    @Override
    public boolean touch(SessionId id, Instant lastSeenAt, Instant idleExpiresAt) {
        return sessions.updateOne(eq("_id", bin(id.value())), activity(lastSeenAt, idleExpiresAt));
    }

    @Override
    public boolean touchIfLastSeen(SessionId id, Instant expectedLastSeenAt, Instant lastSeenAt, Instant idleExpiresAt) {
        return sessions.updateOne(and(eq("_id", bin(id.value())), eq(LAST_SEEN_AT, date(expectedLastSeenAt))),
                activity(lastSeenAt, idleExpiresAt));
    }

    private static Bson activity(Instant lastSeenAt, Instant idleExpiresAt) {
        return Updates.combine(Updates.set(LAST_SEEN_AT, date(lastSeenAt)), Updates.set(IDLE_EXPIRES_AT, date(idleExpiresAt)));
    }

    @Override
    public boolean restamp(SessionId id, UserId userId, long securityStamp) {
        return sessions.updateOne(and(eq("_id", bin(id.value())), eq(USER_ID, bin(userId.value()))),
                Updates.set(SECURITY_STAMP, securityStamp));
    }

    @Override
    public boolean delete(SessionId id) {
        return sessions.deleteOne(eq("_id", bin(id.value())));
    }

    @Override
    public int deleteMatching(SessionFilter filter, int limit) {
        return sessions.deleteFirst(toBson(filter), limit);
    }

    @Override
    public PurgeStep purgeExpired(Instant now, PurgeCursor from, int limit) {
        // documents have no order a purge could follow more cheaply than the expiry index: first expired ones each step
        return PurgeStep.byFilter(deleteMatching(SessionFilter.expired(now), limit), limit, from);
    }

    @Override
    public List<SessionRecord> list(SessionFilter filter, SessionId after, int limit) {
        return sessions.page(toBson(filter), after == null ? null : bin(after.value()), limit, MongoSessionStore::fromDocument);
    }

    private Optional<SessionRecord> findOne(Bson filter) {
        return sessions.first(filter, MongoSessionStore::fromDocument);
    }

    private static Bson toBson(SessionFilter f) {
        List<Bson> all = new ArrayList<>();
        if (f.userId() != null) all.add(eq(USER_ID, bin(f.userId().value())));
        if (f.expiredAt() != null) {
            // expiresAt() is the earlier of the two ends, so it has passed when either has
            all.add(or(lte(IDLE_EXPIRES_AT, date(f.expiredAt())), lte(ABSOLUTE_EXPIRES_AT, date(f.expiredAt()))));
        }
        if (f.except() != null) all.add(ne("_id", bin(f.except().value())));
        if (f.deviceId() != null) all.add(eq(DEVICE_ID, bin(f.deviceId().value())));
        return all.isEmpty() ? new Document() : and(all);
    }

    private static Document toDocument(SessionRecord rec) {
        Session s = rec.session();
        return new Document("_id", bin(s.id().value()))
                .append(TOKEN_HASH, rec.tokenHash())
                .append(USER_ID, s.userId() == null ? null : bin(s.userId().value()))
                .append("createdAt", date(s.createdAt()))
                .append(LAST_SEEN_AT, date(s.lastSeenAt()))
                .append(IDLE_EXPIRES_AT, date(s.idleExpiresAt()))
                .append(ABSOLUTE_EXPIRES_AT, date(s.absoluteExpiresAt()))
                .append("data", s.data())
                .append(DEVICE_ID, s.deviceId() == null ? null : bin(s.deviceId().value()))
                .append(SECURITY_STAMP, rec.securityStamp());
    }

    private static SessionRecord fromDocument(Document d) {
        UUID user = BsonValues.uuid(d, USER_ID);
        UUID device = BsonValues.uuid(d, DEVICE_ID);
        Session s = Session.builder().id(new SessionId(BsonValues.uuid(d, "_id"))).userId(user == null ? null : new UserId(user))
                .createdAt(instant(d, "createdAt")).lastSeenAt(instant(d, LAST_SEEN_AT))
                .idleExpiresAt(instant(d, IDLE_EXPIRES_AT)).absoluteExpiresAt(instant(d, ABSOLUTE_EXPIRES_AT))
                .data(BsonValues.json(d, "data")).deviceId(device == null ? null : new DeviceId(device)).build();
        return new SessionRecord(s, d.getString(TOKEN_HASH), BsonValues.longOrZero(d, SECURITY_STAMP));
    }
}
