package dev.userkit.store.jdbc;

import dev.userkit.domain.Role;
import dev.userkit.domain.RoleId;
import dev.userkit.domain.User;
import dev.userkit.spi.SessionReads;
import dev.userkit.spi.SessionWithRoles;
import dev.userkit.spi.SessionWithUser;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The hot-path reads as one statement each: the session by its token hash (unique index) joined to
 * its user by primary key, and for authorisation also to the user's grants, one row per grant, with
 * the role catalog's version. One statement is one round trip and one snapshot, so the user's status,
 * stamp and roles are those of the same instant. Only the user's public view and stamp are selected,
 * never the password hash. The rows are read by the stores' own mappings, the joined tables' columns
 * under a prefix.
 *
 * <p>Of each grant the statement reads only the role's id, and of the roles only the catalog's
 * version (a scalar subquery of a one-row table); the roles' bodies for that version come from
 * {@link RoleBodies}. A grant's role exists in the same snapshot (foreign key, deleted with its role by
 * cascade), so the statement needs no join to the roles themselves.
 */
final class JdbcSessionReads implements SessionReads {
    private static final String USER = "u_";
    private static final String GRANT = "g_";
    private static final String CATALOG_VERSION = "catalog_version";
    private static final String SESSION_AND_USER = Columns.qualified("s", JdbcSessionStore.COLUMNS) + ", "
            + Columns.aliased("u", USER, JdbcUserStore.VIEW_COLUMNS + ", security_stamp");
    private static final String FROM = " FROM userkit_sessions s LEFT JOIN userkit_users u ON u.id = s.user_id";
    private static final String BY_TOKEN = " WHERE s.token_hash = ?";
    private static final String WITH_USER = "SELECT " + SESSION_AND_USER + FROM + BY_TOKEN;
    // the LEFT JOIN keeps the one row of a user without roles
    private static final String WITH_ROLES = "SELECT " + SESSION_AND_USER + ", " + Columns.aliased("g", GRANT, "role_id")
            + ", (SELECT version FROM userkit_role_catalog) AS " + CATALOG_VERSION
            + FROM + " LEFT JOIN userkit_role_grants g ON g.user_id = u.id" + BY_TOKEN;

    private final Jdbc jdbc;
    private final RoleBodies roleBodies;

    JdbcSessionReads(Jdbc jdbc, RoleBodies roleBodies) {
        this.jdbc = jdbc;
        this.roleBodies = roleBodies;
    }

    @Override
    public Optional<SessionWithUser> findWithUser(String tokenHash) {
        return jdbc.queryOne(WITH_USER, p -> p.text(tokenHash), JdbcSessionReads::withUser, "find session with user");
    }

    @Override
    public Optional<SessionWithRoles> findWithRoles(String tokenHash) {
        Optional<Grants> found = jdbc.read(WITH_ROLES, p -> p.text(tokenHash), rows -> {
            if (!rows.next()) return Optional.empty();
            SessionWithUser read = withUser(rows);
            long catalogVersion = rows.number(CATALOG_VERSION);
            List<RoleId> ids = new ArrayList<>();
            Row grant = rows.prefixed(GRANT);
            do {
                UUID id = grant.uuid("role_id");
                if (id != null) ids.add(new RoleId(id));
            } while (rows.next());
            return Optional.of(new Grants(read, catalogVersion, ids));
        }, "find session with roles");
        return found.map(this::withBodies);
    }

    /** The read with its roles' bodies, looked up once the statement's connection is back in the pool. */
    private SessionWithRoles withBodies(Grants found) {
        Map<RoleId, Role> bodies = roleBodies.at(found.catalogVersion());
        List<Role> roles = new ArrayList<>(found.roleIds().size());
        for (RoleId id : found.roleIds()) {
            // a role missing from a newer catalog was deleted since the read: it grants nothing, as it
            // would have had the read come a moment later
            Role role = bodies.get(id);
            if (role != null) roles.add(role);
        }
        // ordered here, not by ORDER BY: MariaDB sorted the joined rows through a temporary table, which
        // doubled the statement's time; role names are ASCII, so String order is the binary order rolesOf uses
        roles.sort(Comparator.comparing(Role::name));
        return new SessionWithRoles(found.read(), roles);
    }

    /** What the statement read: the session with its user, the catalog's version and the ids of the roles the user holds. */
    private record Grants(SessionWithUser read, long catalogVersion, List<RoleId> roleIds) { }

    private static SessionWithUser withUser(Row row) throws SQLException {
        Row user = row.prefixed(USER);
        if (user.uuid("id") == null) return new SessionWithUser(JdbcSessionStore.map(row), Optional.empty(), 0);
        User view = JdbcUserStore.mapView(user);
        return new SessionWithUser(JdbcSessionStore.map(row), Optional.of(view), user.number("security_stamp"));
    }
}
