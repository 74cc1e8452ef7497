package dev.userkit.store.jdbc;

import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.RoleId;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.RoleStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Roles in {@code userkit_roles} (permissions as a JSON array) and grants in {@code userkit_role_grants}. */
final class JdbcRoleStore implements RoleStore {
    /** Every column of a role row. */
    static final String COLUMNS = "id, name, description, permissions, version";
    private static final String SELECT = "SELECT " + Columns.qualified("r", COLUMNS) + " FROM userkit_roles r ";

    private final Jdbc jdbc;

    JdbcRoleStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(RoleRecord rec) {
        Role r = rec.role();
        jdbc.update("INSERT INTO userkit_roles (id, name, description, permissions, version) VALUES (?, ?, ?, "
                        + jdbc.dialect().jsonParameter() + ", 0)",
                p -> p.uuid(r.id().value()).text(r.name()).text(r.description()).text(permissionsJson(r)), "role");
    }

    @Override
    public Optional<RoleRecord> findById(RoleId id) {
        return jdbc.queryOne(SELECT + "WHERE r.id = ?", p -> p.uuid(id.value()), JdbcRoleStore::map, "find role");
    }

    @Override
    public Optional<RoleRecord> findByName(String name) {
        return jdbc.queryOne(SELECT + "WHERE r.name = ?", p -> p.text(name), JdbcRoleStore::map, "find role");
    }

    @Override
    public List<RoleRecord> list() {
        return jdbc.query(SELECT + "ORDER BY r.name", p -> { }, JdbcRoleStore::map, "list roles");
    }

    @Override
    public boolean update(RoleRecord next) {
        Role r = next.role();
        return jdbc.update("UPDATE userkit_roles SET name = ?, description = ?, permissions = " + jdbc.dialect().jsonParameter()
                        + ", version = ? WHERE id = ? AND version = ?",
                p -> p.text(r.name()).text(r.description()).text(permissionsJson(r)).number(next.version())
                        .uuid(r.id().value()).number(next.version() - 1), "role") == 1;
    }

    @Override
    public boolean delete(RoleId id) {
        // grants go with the role through ON DELETE CASCADE
        return jdbc.update("DELETE FROM userkit_roles WHERE id = ?", p -> p.uuid(id.value()), "delete role") == 1;
    }

    @Override
    public boolean grant(UserId userId, RoleId roleId) {
        try {
            // selecting from roles makes a grant of a missing role a no-op rather than a foreign-key fault
            return jdbc.update("INSERT INTO userkit_role_grants (user_id, role_id) SELECT ?, id FROM userkit_roles WHERE id = ?",
                    p -> p.uuid(userId.value()).uuid(roleId.value()), "grant") == 1;
        } catch (DuplicateKeyException alreadyHeld) {
            return false;
        }
    }

    @Override
    public boolean revoke(UserId userId, RoleId roleId) {
        return jdbc.update("DELETE FROM userkit_role_grants WHERE user_id = ? AND role_id = ?",
                p -> p.uuid(userId.value()).uuid(roleId.value()), "revoke") == 1;
    }

    @Override
    public List<Role> rolesOf(UserId userId) {
        return jdbc.query(SELECT + "JOIN userkit_role_grants g ON g.role_id = r.id WHERE g.user_id = ? ORDER BY r.name",
                p -> p.uuid(userId.value()), row -> map(row).role(), "roles of user");
    }

    @Override
    public List<UserId> usersWith(RoleId roleId, UserId after, int limit) {
        String sql = "SELECT user_id FROM userkit_role_grants WHERE role_id = ?" + (after == null ? "" : " AND user_id > ?")
                + " ORDER BY user_id " + jdbc.dialect().firstRows();
        return jdbc.query(sql, p -> {
            p.uuid(roleId.value());
            if (after != null) p.uuid(after.value());
            p.number(limit);
        }, row -> new UserId(row.uuid("user_id")), "users with role");
    }

    @Override
    public int revokeAll(UserId userId) {
        return jdbc.update("DELETE FROM userkit_role_grants WHERE user_id = ?", p -> p.uuid(userId.value()), "revoke all");
    }

    private static String permissionsJson(Role r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Permission p : r.permissions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("name", p.name());
            m.put("pattern", p.pattern());
            // sorted so the stored text is stable whatever the set's iteration order
            m.put("verbs", p.verbs().stream().sorted().map(Verb::name).toList());
            out.add(m);
        }
        return JsonCodec.write(out);
    }

    /** The role record from the {@link #COLUMNS} of a row. */
    static RoleRecord map(Row row) throws SQLException {
        List<Permission> permissions = new ArrayList<>();
        for (Map<String, Object> m : JsonCodec.readList(row.text("permissions"))) {
            @SuppressWarnings("unchecked")
            List<String> verbs = (List<String>) m.get("verbs");
            Set<Verb> set = verbs.stream().map(Verb::valueOf).collect(Collectors.toSet());
            // a permission stored before ids existed has none: the Role gives it its derived one (R6)
            permissions.add(new Permission((String) m.get("id"), (String) m.get("name"), (String) m.get("pattern"), set));
        }
        Role role = new Role(new RoleId(row.uuid("id")), row.text("name"), row.text("description"), permissions);
        return new RoleRecord(role, row.number("version"));
    }
}
