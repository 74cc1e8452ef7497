package dev.userkit.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static dev.userkit.store.mongo.BsonValues.bin;
import static dev.userkit.store.mongo.BsonValues.date;
import static dev.userkit.store.mongo.BsonValues.instant;

import com.mongodb.client.model.Updates;
import dev.userkit.domain.Device;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.DeviceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Devices keyed by id, unique per (user, token hash). */
final class MongoDeviceStore implements DeviceStore {
    static final String USER_ID = "userId";
    static final String TOKEN_HASH = "tokenHash";
    private static final String PERMITTED = "permitted";

    private final Documents devices;

    MongoDeviceStore(Documents devices) {
        this.devices = devices;
    }

    @Override
    public void insert(DeviceRecord rec) {
        Device d = rec.device();
        Document doc = new Document("_id", bin(d.id().value()))
                .append(USER_ID, bin(d.userId().value()))
                .append(TOKEN_HASH, rec.tokenHash())
                .append(PERMITTED, d.permitted())
                .append("userAgent", d.userAgent())
                .append("createdAt", date(d.createdAt()))
                .append("lastUsedAt", date(d.lastUsedAt()));
        devices.insert(doc);
    }

    @Override
    public Optional<DeviceRecord> find(UserId userId, String tokenHash) {
        return findOne(and(eq(USER_ID, bin(userId.value())), eq(TOKEN_HASH, tokenHash)));
    }

    @Override
    public Optional<DeviceRecord> findById(DeviceId id) {
        return findOne(eq("_id", bin(id.value())));
    }

    @Override
    public boolean setPermitted(DeviceId id, boolean permitted) {
        return devices.updateOne(eq("_id", bin(id.value())), Updates.set(PERMITTED, permitted));
    }

    @Override
    public boolean touch(DeviceId id, Instant lastUsedAt) {
        return devices.updateOne(eq("_id", bin(id.value())), Updates.set("lastUsedAt", date(lastUsedAt)));
    }

    @Override
    public List<DeviceRecord> list(UserId userId, boolean permittedOnly) {
        List<Bson> filters = new ArrayList<>();
        if (userId != null) filters.add(eq(USER_ID, bin(userId.value())));
        if (permittedOnly) filters.add(eq(PERMITTED, true));
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return devices.page(filter, null, Integer.MAX_VALUE, MongoDeviceStore::fromDocument);
    }

    @Override
    public int deleteAllFor(UserId userId) {
        return devices.deleteAll(eq(USER_ID, bin(userId.value())));
    }

    private Optional<DeviceRecord> findOne(Bson filter) {
        return devices.first(filter, MongoDeviceStore::fromDocument);
    }

    private static DeviceRecord fromDocument(Document d) {
        Device device = new Device(new DeviceId(BsonValues.uuid(d, "_id")), new UserId(BsonValues.uuid(d, USER_ID)),
                d.getBoolean(PERMITTED, false), d.getString("userAgent"), instant(d, "createdAt"), instant(d, "lastUsedAt"));
        return new DeviceRecord(device, d.getString(TOKEN_HASH));
    }
}
