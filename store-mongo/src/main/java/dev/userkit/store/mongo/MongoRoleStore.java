package dev.userkit.store.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import static dev.userkit.store.mongo.BsonValues.bin;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Sorts;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.RoleId;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.RoleStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Roles (with their permissions embedded) keyed by id with a unique name, and grants as one small
 * document per (user, role) pair in a second collection, unique on the pair.
 */
final class MongoRoleStore implements RoleStore {
    static final String NAME = "name";
    static final String USER_ID = "userId";
    static final String ROLE_ID = "roleId";
    private static final String VERSION = "version";

    private final Documents roles;
    private final Documents grants;

    MongoRoleStore(Documents roles, Documents grants) {
        this.roles = roles;
        this.grants = grants;
    }

    @Override
    public void insert(RoleRecord role) {
        roles.insert(toDocument(new RoleRecord(role.role(), 0)));
    }

    @Override
    public Optional<RoleRecord> findById(RoleId id) {
        return findOne(eq("_id", bin(id.value())));
    }

    @Override
    public Optional<RoleRecord> findByName(String name) {
        return findOne(eq(NAME, name));
    }

    @Override
    public List<RoleRecord> list() {
        return MongoFaults.call(roles.name(),
                () -> roles.collection().find().sort(Sorts.ascending(NAME)).map(MongoRoleStore::fromDocument).into(new ArrayList<>()));
    }

    @Override
    public boolean update(RoleRecord next) {
        Bson expected = and(eq("_id", bin(next.role().id().value())), eq(VERSION, next.version() - 1));
        return roles.replaceOne(expected, toDocument(next));
    }

    @Override
    public boolean delete(RoleId id) {
        // The role goes first: a grant whose role is gone is invisible to rolesOf (the lookup finds
        // nothing), so a fault between the two steps leaves no permission behind. A retry clears
        // such leftover grants.
        boolean existed = roles.deleteOne(eq("_id", bin(id.value())));
        grants.deleteAll(eq(ROLE_ID, bin(id.value())));
        return existed;
    }

    @Override
    public boolean grant(UserId userId, RoleId roleId) {
        if (findById(roleId).isEmpty()) return false;
        try {
            grants.insert(grantOf(userId, roleId));
            return true;
        } catch (DuplicateKeyException alreadyHeld) {
            return false;
        }
    }

    @Override
    public boolean revoke(UserId userId, RoleId roleId) {
        return grants.deleteOne(grantOf(userId, roleId));
    }

    @Override
    public List<Role> rolesOf(UserId userId) {
        // one round trip: the user's grants joined to their roles on the server
        List<Bson> pipeline = List.of(
                Aggregates.match(eq(USER_ID, bin(userId.value()))),
                Aggregates.lookup(MongoCollections.ROLES, ROLE_ID, "_id", "role"),
                Aggregates.unwind("$role"),
                Aggregates.replaceRoot("$role"),
                Aggregates.sort(Sorts.ascending(NAME)));
        return MongoFaults.call(grants.name(),
                () -> grants.collection().aggregate(pipeline).map(d -> fromDocument(d).role()).into(new ArrayList<>()));
    }

    @Override
    public List<UserId> usersWith(RoleId roleId, UserId after, int limit) {
        if (limit <= 0) return List.of();
        Bson filter = after == null ? eq(ROLE_ID, bin(roleId.value())) : and(eq(ROLE_ID, bin(roleId.value())), gt(USER_ID, bin(after.value())));
        return MongoFaults.call(grants.name(), () -> grants.collection().find(filter).sort(Sorts.ascending(USER_ID)).limit(limit)
                .map(d -> new UserId(BsonValues.uuid(d, USER_ID))).into(new ArrayList<>()));
    }

    @Override
    public int revokeAll(UserId userId) {
        return grants.deleteAll(eq(USER_ID, bin(userId.value())));
    }

    private Optional<RoleRecord> findOne(Bson filter) {
        return roles.first(filter, MongoRoleStore::fromDocument);
    }

    private static Document grantOf(UserId userId, RoleId roleId) {
        return new Document(USER_ID, bin(userId.value())).append(ROLE_ID, bin(roleId.value()));
    }

    private static Document toDocument(RoleRecord rec) {
        Role r = rec.role();
        List<Document> permissions = new ArrayList<>();
        for (Permission p : r.permissions()) {
            List<String> verbs = EnumSet.copyOf(p.verbs().isEmpty() ? EnumSet.noneOf(Verb.class) : p.verbs())
                    .stream().map(Verb::name).toList();
            permissions.add(new Document("id", p.id()).append(NAME, p.name()).append("pattern", p.pattern()).append("verbs", verbs));
        }
        return new Document("_id", bin(r.id().value())).append(NAME, r.name()).append("description", r.description())
                .append("permissions", permissions).append(VERSION, rec.version());
    }

    private static RoleRecord fromDocument(Document d) {
        List<Permission> permissions = new ArrayList<>();
        for (Document p : d.getList("permissions", Document.class, List.of())) {
            EnumSet<Verb> verbs = EnumSet.noneOf(Verb.class);
            p.getList("verbs", String.class, List.of()).forEach(v -> verbs.add(Verb.valueOf(v)));
            // a permission stored before ids existed has none: the Role gives it its derived one (R6)
            permissions.add(new Permission(p.getString("id"), p.getString(NAME), p.getString("pattern"), verbs));
        }
        Role role = new Role(new RoleId(BsonValues.uuid(d, "_id")), d.getString(NAME), d.getString("description"), permissions);
        return new RoleRecord(role, ((Number) d.get(VERSION)).longValue());
    }
}
