package dev.userkit.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static dev.userkit.store.mongo.BsonValues.bin;
import static dev.userkit.store.mongo.BsonValues.date;
import static dev.userkit.store.mongo.BsonValues.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.UserId;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.CodeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bson.Document;
import org.bson.conversions.Bson;

/** One-time codes keyed by their hash ({@code _id}, so unique by construction). */
final class MongoCodeStore implements CodeStore {
    static final String USER_ID = "userId";
    static final String PURPOSE = "purpose";
    static final String EXPIRES_AT = "expiresAt";
    private static final String FAILED_ATTEMPTS = "failedAttempts";

    private final Documents codes;

    MongoCodeStore(Documents codes) {
        this.codes = codes;
    }

    @Override
    public void insert(CodeRecord code) {
        Document d = new Document("_id", code.codeHash())
                .append(USER_ID, bin(code.userId().value()))
                .append(PURPOSE, code.purpose().name())
                .append("target", code.target())
                .append("createdAt", date(code.createdAt()))
                .append(EXPIRES_AT, date(code.expiresAt()))
                .append(FAILED_ATTEMPTS, code.failedAttempts());
        codes.insert(d);
    }

    @Override
    public Optional<CodeRecord> consume(String codeHash, CodePurpose purpose) {
        // one document, one atomic operation: of concurrent callers exactly one gets it back
        Bson filter = and(eq("_id", codeHash), eq(PURPOSE, purpose.name()));
        return MongoFaults.call(codes.name(),
                () -> Optional.ofNullable(codes.collection().findOneAndDelete(filter)).map(MongoCodeStore::fromDocument));
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        return codes.deleteFirst(lte(EXPIRES_AT, date(now)), limit);
    }

    @Override
    public int deleteFor(UserId userId, CodePurpose purpose) {
        return codes.deleteAll(of(userId, purpose));
    }

    @Override
    public int deleteAllFor(UserId userId) {
        return codes.deleteAll(eq(USER_ID, bin(userId.value())));
    }

    @Override
    public OptionalInt recordFailedAttempt(UserId userId, CodePurpose purpose) {
        // Each code is counted by its own atomic $inc whose result is read back in the same
        // operation (projected to the one field read, see MongoAttemptStore), so concurrent
        // callers on one code see distinct counts (1, 2, 3, ...).
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                .projection(Projections.include(FAILED_ATTEMPTS));
        MongoCollection<Document> raw = codes.collection();
        return MongoFaults.call(codes.name(), () -> {
            List<Object> hashes = raw.find(of(userId, purpose)).projection(Projections.include("_id"))
                    .map(d -> d.get("_id")).into(new ArrayList<>());
            OptionalInt max = OptionalInt.empty();
            for (Object hash : hashes) {
                Document d = raw.findOneAndUpdate(and(eq("_id", hash), of(userId, purpose)),
                        Updates.inc(FAILED_ATTEMPTS, 1), after);
                if (d == null) continue; // consumed or replaced meanwhile
                int count = ((Number) d.get(FAILED_ATTEMPTS)).intValue();
                if (max.isEmpty() || count > max.getAsInt()) max = OptionalInt.of(count);
            }
            return max;
        });
    }

    private static Bson of(UserId userId, CodePurpose purpose) {
        return and(eq(USER_ID, bin(userId.value())), eq(PURPOSE, purpose.name()));
    }

    private static CodeRecord fromDocument(Document d) {
        return new CodeRecord(d.getString("_id"), new UserId(BsonValues.uuid(d, USER_ID)),
                CodePurpose.valueOf(d.getString(PURPOSE)), d.getString("target"), instant(d, "createdAt"),
                instant(d, EXPIRES_AT), ((Number) d.get(FAILED_ATTEMPTS)).intValue());
    }
}
