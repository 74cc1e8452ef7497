package dev.userkit.store.jdbc;

import dev.userkit.domain.Role;
import dev.userkit.domain.User;
import dev.userkit.spi.SessionReads;
import dev.userkit.spi.SessionWithRoles;
import dev.userkit.spi.SessionWithUser;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The hot-path reads as one statement each: the session by its token hash (unique index) joined to
 * its user by primary key, and for authorisation also to the user's grants and roles, one row per
 * role. One statement is one round trip and one snapshot, so the user's status, stamp and roles are
 * those of the same instant. Only the user's public view and stamp are selected, never the password
 * hash. The rows are read by the stores' own mappings, the joined tables' columns under a prefix.
 */
final class JdbcSessionReads implements SessionReads {
    private static final String USER = "u_";
    private static final String ROLE = "r_";
    private static final String SESSION_AND_USER = Columns.qualified("s", JdbcSessionStore.COLUMNS) + ", "
            + Columns.aliased("u", USER, JdbcUserStore.VIEW_COLUMNS + ", security_stamp");
    private static final String FROM = " FROM userkit_sessions s LEFT JOIN userkit_users u ON u.id = s.user_id";
    private static final String BY_TOKEN = " WHERE s.token_hash = ?";
    private static final String WITH_USER = "SELECT " + SESSION_AND_USER + FROM + BY_TOKEN;
    // a grant's role always exists (foreign key); the LEFT JOINs keep the one row of a user without roles
    private static final String WITH_ROLES = "SELECT " + SESSION_AND_USER + ", " + Columns.aliased("r", ROLE, JdbcRoleStore.COLUMNS)
            + FROM + " LEFT JOIN userkit_role_grants g ON g.user_id = u.id LEFT JOIN userkit_roles r ON r.id = g.role_id"
            + BY_TOKEN;

    private final Jdbc jdbc;

    JdbcSessionReads(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SessionWithUser> findWithUser(String tokenHash) {
        return jdbc.queryOne(WITH_USER, p -> p.text(tokenHash), JdbcSessionReads::withUser, "find session with user");
    }

    @Override
    public Optional<SessionWithRoles> findWithRoles(String tokenHash) {
        return jdbc.read(WITH_ROLES, p -> p.text(tokenHash), rows -> {
            if (!rows.next()) return Optional.empty();
            SessionWithUser read = withUser(rows);
            List<Role> roles = new ArrayList<>();
            Row role = rows.prefixed(ROLE);
            do {
                if (role.uuid("id") != null) roles.add(JdbcRoleStore.map(role).role());
            } while (rows.next());
            // ordered here, not by ORDER BY: MariaDB sorted the joined rows through a temporary table, which
            // doubled the statement's time; role names are ASCII, so String order is the binary order rolesOf uses
            roles.sort(Comparator.comparing(Role::name));
            return Optional.of(new SessionWithRoles(read, roles));
        }, "find session with roles");
    }

    private static SessionWithUser withUser(Row row) throws SQLException {
        Row user = row.prefixed(USER);
        if (user.uuid("id") == null) return new SessionWithUser(JdbcSessionStore.map(row), Optional.empty(), 0);
        User view = JdbcUserStore.mapView(user);
        return new SessionWithUser(JdbcSessionStore.map(row), Optional.of(view), user.number("security_stamp"));
    }
}
