package dev.userkit.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The single-document operations every store needs on its collection, each one driver call with
 * faults translated by {@link MongoFaults}: find one, page in {@code _id} order, update or delete
 * one, delete all or a bounded batch.
 */
final class Documents {
    private final String name;
    private final MongoCollection<Document> collection;

    Documents(String name, MongoCollection<Document> collection) {
        this.name = name;
        this.collection = collection;
    }

    /** The collection's name, for diagnostics. */
    String name() {
        return name;
    }

    /** The driver's collection, for the operations only one store needs. */
    MongoCollection<Document> collection() {
        return collection;
    }

    /** Inserts one document. */
    void insert(Document document) {
        MongoFaults.run(name, () -> collection.insertOne(document));
    }

    /** The first document matching {@code filter}, mapped. */
    <T> Optional<T> first(Bson filter, Function<Document, T> mapper) {
        return MongoFaults.call(name, () -> Optional.ofNullable(collection.find(filter).first()).map(mapper));
    }

    /** Up to {@code limit} documents matching {@code filter} with an id after {@code after} (null: from the start). */
    <T> List<T> page(Bson filter, Object after, int limit, Function<Document, T> mapper) {
        // limit(0) would mean "no limit" to the server
        if (limit <= 0) return List.of();
        Bson query = after == null ? filter : and(filter, gt("_id", after));
        return MongoFaults.call(name, () -> collection.find(query).sort(Sorts.ascending("_id")).limit(limit)
                .map(mapper::apply).into(new ArrayList<>()));
    }

    /** Applies {@code update} to the document matching {@code filter}; true if one matched. */
    boolean updateOne(Bson filter, Bson update) {
        return MongoFaults.call(name, () -> collection.updateOne(filter, update).getMatchedCount() == 1);
    }

    /** Replaces the document matching {@code filter}; true if one matched. */
    boolean replaceOne(Bson filter, Document replacement) {
        return MongoFaults.call(name, () -> collection.replaceOne(filter, replacement).getMatchedCount() == 1);
    }

    /** Deletes the document matching {@code filter}; true if one existed. */
    boolean deleteOne(Bson filter) {
        return MongoFaults.call(name, () -> collection.deleteOne(filter).getDeletedCount() == 1);
    }

    /** Deletes every document matching {@code filter}; returns how many. */
    int deleteAll(Bson filter) {
        return MongoFaults.call(name, () -> (int) collection.deleteMany(filter).getDeletedCount());
    }

    /**
     * Deletes at most {@code limit} documents matching {@code filter}, in no particular order; returns
     * how many. MongoDB's deleteMany has no limit, so this reads up to {@code limit} ids and deletes
     * those that still match: each document goes atomically and the batch never grows past the limit.
     */
    int deleteFirst(Bson filter, int limit) {
        if (limit <= 0) return 0;
        return MongoFaults.call(name, () -> {
            // Unsorted on purpose: the server then streams the ids off the filter's own index (one
            // index scan per $or branch) and stops at the limit. Sorting by _id made it either walk
            // the _id index past every non-matching document or sort all matches, per batch, so a
            // purge grew with the square of the expired count (issue 7, defect 12).
            List<Object> ids = collection.find(filter).projection(Projections.include("_id"))
                    .limit(limit).map(d -> d.get("_id")).into(new ArrayList<>());
            if (ids.isEmpty()) return 0;
            // re-check the filter: a document changed since it was read is left alone
            return (int) collection.deleteMany(and(in("_id", ids), filter)).getDeletedCount();
        });
    }
}
