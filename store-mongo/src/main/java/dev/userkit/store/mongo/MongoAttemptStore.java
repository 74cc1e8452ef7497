package dev.userkit.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static dev.userkit.store.mongo.BsonValues.date;
import static dev.userkit.store.mongo.BsonValues.instant;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.userkit.StoreException;
import dev.userkit.spi.AttemptCount;
import dev.userkit.spi.AttemptStore;
import dev.userkit.spi.DuplicateKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Fixed-window counters, one document per key ({@code _id}). An increment is one of three single
 * document operations, each of which adds exactly one to what the caller sees:
 * <ol>
 * <li>{@code $inc} on a counter whose window is still open, upserting when there is none;</li>
 * <li>if that upsert clashes on {@code _id} (a counter exists but its window has ended, or a
 *     concurrent caller inserted first), a guarded reset to 1 of a counter whose window has ended;</li>
 * <li>if the guard no longer holds (another caller reset or inserted meanwhile), back to 1.</li>
 * </ol>
 * A reset only ever replaces a counter whose window has ended, so no count within an open window is
 * lost: N concurrent increments on one key in one window leave exactly N. No pipeline update and no
 * transaction is needed.
 */
final class MongoAttemptStore implements AttemptStore {
    static final String WINDOW_ENDS_AT = "windowEndsAt";
    private static final String COUNT = "count";
    // Each lost race means another caller made progress; a handful of rounds is plenty.
    private static final int MAX_ROUNDS = 16;
    // Only the fields read come back: smaller replies, and the in-process test server then answers
    // with a snapshot taken under its lock instead of its live document.
    private static final Bson COUNTER = Projections.include(COUNT, WINDOW_ENDS_AT);
    private static final FindOneAndUpdateOptions UPSERT_AFTER =
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER).projection(COUNTER);
    private static final FindOneAndUpdateOptions AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(COUNTER);

    private final Documents attempts;

    MongoAttemptStore(Documents attempts) {
        this.attempts = attempts;
    }

    @Override
    public AttemptCount increment(String key, Instant now, Duration window) {
        Instant end = now.plus(window);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<Document> counted = incrementOpen(key, now, end);
            if (counted.isEmpty()) counted = resetEnded(key, now, end);
            if (counted.isPresent()) return toCount(counted.get());
        }
        throw new StoreException("Attempt counter kept changing under contention");
    }

    @Override
    public Optional<AttemptCount> current(String key, Instant now) {
        return attempts.first(and(eq("_id", key), gt(WINDOW_ENDS_AT, date(now))), MongoAttemptStore::toCount);
    }

    @Override
    public void reset(String key) {
        attempts.deleteOne(eq("_id", key));
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        return attempts.deleteFirst(lte(WINDOW_ENDS_AT, date(now)), limit);
    }

    // Empty when the upsert clashed on _id: the counter exists with an ended window, or was just inserted.
    private Optional<Document> incrementOpen(String key, Instant now, Instant end) {
        try {
            return MongoFaults.call(attempts.name(), () -> Optional.of(attempts.collection().findOneAndUpdate(
                    and(eq("_id", key), gt(WINDOW_ENDS_AT, date(now))),
                    Updates.combine(Updates.inc(COUNT, 1L), Updates.setOnInsert(WINDOW_ENDS_AT, date(end))), UPSERT_AFTER)));
        } catch (DuplicateKeyException clash) {
            return Optional.empty();
        }
    }

    // Empty when no counter with an ended window exists any more (someone reset or deleted it).
    private Optional<Document> resetEnded(String key, Instant now, Instant end) {
        return MongoFaults.call(attempts.name(), () -> Optional.ofNullable(attempts.collection().findOneAndUpdate(
                and(eq("_id", key), lte(WINDOW_ENDS_AT, date(now))),
                Updates.combine(Updates.set(COUNT, 1L), Updates.set(WINDOW_ENDS_AT, date(end))), AFTER)));
    }

    private static AttemptCount toCount(Document d) {
        return new AttemptCount(((Number) d.get(COUNT)).longValue(), instant(d, WINDOW_ENDS_AT));
    }
}
