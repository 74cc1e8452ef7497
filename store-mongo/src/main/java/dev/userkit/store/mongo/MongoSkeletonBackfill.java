package dev.userkit.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.userkit.domain.Username;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives users stored before username skeletons existed their skeleton (SEC-23). In id order, which
 * is creation order (ids are UUID v7), so that when two legacy names look alike the older account
 * keeps the skeleton; the newer one keeps none (it still logs in, but claims no look-alikes) and
 * is logged, on every run, until an administrator renames it. Each user is one guarded update, so
 * a run after a crash picks up where the last one stopped.
 */
final class MongoSkeletonBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(MongoSkeletonBackfill.class);

    private MongoSkeletonBackfill() {}

    /** Fills every missing skeleton that is free; returns how many users it filled. */
    static int run(MongoCollection<Document> users) {
        int filled = 0;
        try (MongoCursor<Document> legacy = users.find(exists(MongoUserStore.USERNAME_SKELETON, false))
                .projection(Projections.include(MongoUserStore.USERNAME_KEY)).sort(Sorts.ascending("_id")).iterator()) {
            while (legacy.hasNext()) {
                if (fill(users, legacy.next())) filled++;
            }
        }
        return filled;
    }

    private static boolean fill(MongoCollection<Document> users, Document d) {
        String skeleton = Username.skeletonOf(d.getString(MongoUserStore.USERNAME_KEY));
        try {
            users.updateOne(and(eq("_id", d.get("_id")), exists(MongoUserStore.USERNAME_SKELETON, false)),
                    Updates.set(MongoUserStore.USERNAME_SKELETON, skeleton));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
            LOG.warn("User {} has a username that looks like an older user's; it keeps no skeleton until renamed",
                    BsonValues.uuid(d, "_id"));
            return false;
        }
    }
}
