package dev.userkit.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.not;
import static com.mongodb.client.model.Filters.type;
import static dev.userkit.store.mongo.BsonValues.bin;
import static dev.userkit.store.mongo.BsonValues.date;
import static dev.userkit.store.mongo.BsonValues.instant;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.userkit.domain.Email;
import dev.userkit.domain.JsonValues;
import dev.userkit.domain.Phone;
import dev.userkit.domain.Profile;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Username;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Users as one document each, keyed by id; unique indexes on the username key and skeleton, email key and phone. */
final class MongoUserStore implements UserStore {
    static final String USERNAME_KEY = "usernameKey";
    static final String USERNAME_SKELETON = "usernameSkeleton";
    static final String EMAIL_KEY = "emailKey";
    static final String PHONE = "phone";
    /** The user's language as a BCP 47 tag; absent when none is stored. */
    private static final String LOCALE = "locale";
    static final String STATUS = "status";
    static final String CREATED_AT = "createdAt";
    static final String METADATA = "metadata";
    private static final String VERSION = "version";
    private static final String SECURITY_STAMP = "securityStamp";

    private final Documents users;

    MongoUserStore(Documents users) {
        this.users = users;
    }

    @Override
    public void insert(UserRecord user) {
        users.insert(toDocument(new UserRecord(user.user(), user.passwordHash(), 0, user.securityStamp())));
    }

    @Override
    public Optional<UserRecord> findById(UserId id) {
        return findOne(eq("_id", bin(id.value())));
    }

    @Override
    public Optional<UserRecord> findByUsernameKey(String key) {
        return findOne(eq(USERNAME_KEY, key));
    }

    @Override
    public Optional<UserRecord> findByEmailKey(String key) {
        return findOne(eq(EMAIL_KEY, key));
    }

    @Override
    public Optional<UserRecord> findByPhone(String phone) {
        return findOne(eq(PHONE, phone));
    }

    @Override
    public boolean update(UserRecord next) {
        Bson expected = and(eq("_id", bin(next.user().id().value())), eq(VERSION, next.version() - 1));
        return users.replaceOne(expected, toDocument(next));
    }

    @Override
    public boolean delete(UserId id) {
        return users.deleteOne(eq("_id", bin(id.value())));
    }

    @Override
    public List<UserRecord> list(UserQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.metadataField() != null) {
            String path = METADATA + "." + JsonValues.fieldName(query.metadataField());
            Object value = JsonValues.scalar(query.metadataValue());
            filters.add(eq(path, value));
            // an equality on an array field matches any element; the port compares the whole value
            filters.add(not(type(path, BsonType.ARRAY)));
            // In the numeric model no Double equals a Long in value, so the BSON type must agree as well: a
            // server that compares int64 with double through doubles would match Long.MAX_VALUE with 2^63.
            if (value instanceof Double) filters.add(type(path, BsonType.DOUBLE));
            if (value instanceof Long) filters.add(not(type(path, BsonType.DOUBLE)));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return users.page(filter, query.after() == null ? null : bin(query.after().value()), query.limit(), MongoUserStore::fromDocument);
    }

    @Override
    public List<UserId> findPendingCreatedBefore(Instant cutoff, int limit) {
        if (limit <= 0) return List.of();
        Bson filter = and(eq(STATUS, UserStatus.PENDING.name()), lt(CREATED_AT, date(cutoff)));
        return MongoFaults.call(users.name(), () -> users.collection().find(filter).projection(Projections.include("_id"))
                .sort(Sorts.ascending("_id")).limit(limit)
                .map(d -> new UserId(BsonValues.uuid(d, "_id"))).into(new ArrayList<>()));
    }

    private Optional<UserRecord> findOne(Bson filter) {
        return users.first(filter, MongoUserStore::fromDocument);
    }

    private static Document toDocument(UserRecord rec) {
        User u = rec.user();
        Document d = new Document("_id", bin(u.id().value()))
                .append("username", u.username().value()).append(USERNAME_KEY, u.username().key())
                .append("email", u.email().value()).append(EMAIL_KEY, u.email().key());
        // absent rather than null, so that the sparse unique indexes ignore users without a phone
        // and legacy names without a skeleton
        if (u.username().skeleton() != null) d.append(USERNAME_SKELETON, u.username().skeleton());
        if (u.phone() != null) d.append(PHONE, u.phone().value());
        if (u.locale() != null) d.append(LOCALE, u.locale().toLanguageTag());
        Profile p = u.profile();
        return d.append("profile", new Document("firstName", p.firstName()).append("lastName", p.lastName())
                        .append("address", p.address()).append("additionalInfo", p.additionalInfo()))
                .append(METADATA, u.metadata())
                .append("admin", u.admin())
                .append(STATUS, u.status().name())
                .append(CREATED_AT, date(u.createdAt()))
                .append("updatedAt", date(u.updatedAt()))
                .append("passwordHash", rec.passwordHash())
                .append(VERSION, rec.version())
                .append(SECURITY_STAMP, rec.securityStamp());
    }

    private static UserRecord fromDocument(Document d) {
        Document p = d.get("profile", Document.class);
        Profile profile = p == null ? Profile.EMPTY : Profile.builder().firstName(p.getString("firstName"))
                .lastName(p.getString("lastName")).address(p.getString("address"))
                .additionalInfo(p.getString("additionalInfo")).build();
        String phone = d.getString(PHONE);
        String locale = d.getString(LOCALE);
        User user = User.builder().id(new UserId(BsonValues.uuid(d, "_id")))
                .username(new Username(d.getString("username"), d.getString(USERNAME_KEY), d.getString(USERNAME_SKELETON)))
                .email(new Email(d.getString("email"), d.getString(EMAIL_KEY)))
                .phone(phone == null ? null : new Phone(phone)).profile(profile).metadata(BsonValues.json(d, METADATA))
                .admin(d.getBoolean("admin", false)).status(UserStatus.valueOf(d.getString(STATUS)))
                .createdAt(instant(d, CREATED_AT)).updatedAt(instant(d, "updatedAt"))
                .locale(locale == null ? null : Locale.forLanguageTag(locale)).build();
        return new UserRecord(user, d.getString("passwordHash"), ((Number) d.get(VERSION)).longValue(),
                BsonValues.longOrZero(d, SECURITY_STAMP));
    }
}
