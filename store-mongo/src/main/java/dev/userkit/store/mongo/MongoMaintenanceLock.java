package dev.userkit.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static dev.userkit.store.mongo.BsonValues.date;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.MaintenanceLock;
import java.time.Duration;
import java.time.Instant;

/**
 * Leases as documents keyed by their name ({@code _id}). Taking one is a single upsert guarded by
 * the lease's end: it rewrites an ended lease, inserts a missing one, and clashes on {@code _id}
 * (so fails) when a live lease exists. Renew and release are guarded by the owner on one document.
 */
final class MongoMaintenanceLock implements MaintenanceLock {
    private static final String OWNER = "owner";
    private static final String EXPIRES_AT = "expiresAt";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final Documents leases;

    MongoMaintenanceLock(Documents leases) {
        this.leases = leases;
    }

    @Override
    public boolean tryAcquire(String name, String owner, Instant now, Duration ttl) {
        try {
            MongoFaults.run(leases.name(), () -> leases.collection().updateOne(and(eq("_id", name), lte(EXPIRES_AT, date(now))),
                    Updates.combine(Updates.set(OWNER, owner), Updates.set(EXPIRES_AT, date(now.plus(ttl)))), UPSERT));
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    @Override
    public boolean renew(String name, String owner, Instant now, Duration ttl) {
        return leases.updateOne(and(eq("_id", name), eq(OWNER, owner), gt(EXPIRES_AT, date(now))),
                Updates.set(EXPIRES_AT, date(now.plus(ttl))));
    }

    @Override
    public boolean release(String name, String owner) {
        return leases.deleteOne(and(eq("_id", name), eq(OWNER, owner)));
    }
}
