package dev.userkit.store.jdbc;

import dev.userkit.domain.Role;
import dev.userkit.domain.RoleId;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.spi.SessionAccess;
import dev.userkit.spi.SessionReads;
import dev.userkit.spi.SessionWithUser;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hot-path reads as one statement each: the session by its token hash (unique index) joined to
 * its user by primary key, and for authorisation also to the user's grants and roles, one row per
 * role. One statement is one round trip and one snapshot, so the user's status, stamp and roles are
 * those of the same instant. Validation selects the whole session and the user's public view and
 * stamp, never the password hash, read by the stores' own mappings, the joined tables' columns under
 * a prefix.
 *
 * <p>Authorisation selects only what its check reads ({@link SessionAccess}): the session's id, user,
 * last-seen instant, idle and absolute ends and stamp, the user's status and stamp, and of each role
 * its id and version; no JSON column, so nothing is parsed. The role's body for that version comes
 * from {@link RoleBodies}. Parsing every role's permissions from JSON and checking every field on each
 * authorisation cost more than the statement's round trip; decoding and mapping every column of the
 * session and the user (sent again on every role's row) was most of the rest of its client time.
 */
final class JdbcSessionReads implements SessionReads {
    private static final String USER = "u_";
    private static final String ROLE = "r_";
    private static final String SESSION_AND_USER = Columns.qualified("s", JdbcSessionStore.COLUMNS) + ", "
            + Columns.aliased("u", USER, JdbcUserStore.VIEW_COLUMNS + ", security_stamp");
    private static final String FROM = " FROM userkit_sessions s LEFT JOIN userkit_users u ON u.id = s.user_id";
    private static final String BY_TOKEN = " WHERE s.token_hash = ?";
    private static final String WITH_USER = "SELECT " + SESSION_AND_USER + FROM + BY_TOKEN;
    private static final String ACCESS = Columns.qualified("s",
            "id, user_id, last_seen_at, idle_expires_at, absolute_expires_at, security_stamp") + ", "
            + Columns.aliased("u", USER, "status, security_stamp");
    // a grant's role always exists (foreign key); the LEFT JOINs keep the one row of a user without roles
    private static final String WITH_ROLES = "SELECT " + ACCESS + ", " + Columns.aliased("r", ROLE, "id, version")
            + FROM + " LEFT JOIN userkit_role_grants g ON g.user_id = u.id LEFT JOIN userkit_roles r ON r.id = g.role_id"
            + BY_TOKEN;

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
    public Optional<SessionAccess> findWithRoles(String tokenHash) {
        Optional<Versions> found = jdbc.read(WITH_ROLES, p -> p.text(tokenHash), rows -> {
            if (!rows.next()) return Optional.empty();
            SessionAccess read = access(rows);
            List<RoleId> ids = new ArrayList<>();
            List<Long> versions = new ArrayList<>();
            Row role = rows.prefixed(ROLE);
            do {
                UUID id = role.uuid("id");
                if (id != null) {
                    ids.add(new RoleId(id));
                    versions.add(role.number("version"));
                }
            } while (rows.next());
            return Optional.of(new Versions(read, ids, versions));
        }, "find session with roles");
        return found.map(this::withBodies);
    }

    /** The read with its roles' bodies, looked up once the statement's connection is back in the pool. */
    private SessionAccess withBodies(Versions found) {
        List<Role> roles = new ArrayList<>(found.ids().size());
        for (int i = 0; i < found.ids().size(); i++) {
            // a role deleted since the read grants nothing, as it would have had the read come a moment later
            roleBodies.at(found.ids().get(i), found.versions().get(i)).ifPresent(roles::add);
        }
        // ordered here, not by ORDER BY: MariaDB sorted the joined rows through a temporary table, which
        // doubled the statement's time; role names are ASCII, so String order is the binary order rolesOf uses
        roles.sort(Comparator.comparing(Role::name));
        return found.read().withRoles(roles);
    }

    /** What the statement read: the session's and its user's check fields, and the id and version of each role the user holds. */
    private record Versions(SessionAccess read, List<RoleId> ids, List<Long> versions) { }

    /** The {@link SessionAccess} fields of the statement's first row, with no roles yet. */
    private static SessionAccess access(Row row) throws SQLException {
        UUID user = row.uuid("user_id");
        Row u = row.prefixed(USER);
        // the status column is never null: a null is the outer join's row of an anonymous session or a deleted user
        String status = u.text("status");
        return new SessionAccess(new SessionId(row.uuid("id")), user == null ? null : new UserId(user), row.instant("last_seen_at"),
                row.instant("idle_expires_at"), row.instant("absolute_expires_at"), row.number("security_stamp"),
                status == null ? Optional.empty() : Optional.of(UserStatus.valueOf(status)),
                status == null ? 0 : u.number("security_stamp"), List.of());
    }

    private static SessionWithUser withUser(Row row) throws SQLException {
        Row user = row.prefixed(USER);
        if (user.uuid("id") == null) return new SessionWithUser(JdbcSessionStore.map(row), Optional.empty(), 0);
        User view = JdbcUserStore.mapView(user);
        return new SessionWithUser(JdbcSessionStore.map(row), Optional.of(view), user.number("security_stamp"));
    }
}
