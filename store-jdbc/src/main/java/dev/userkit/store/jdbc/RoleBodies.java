package dev.userkit.store.jdbc;

import dev.userkit.StoreException;
import dev.userkit.domain.Role;
import dev.userkit.domain.RoleId;
import java.util.HashMap;
import java.util.Map;

/**
 * Every role's body (name, description, permissions) for one version of the role catalog, kept in
 * process. Every write of {@code userkit_roles} raises the catalog's version in its own transaction
 * ({@link JdbcRoleStore}), so all bodies are fixed for one version: the authorisation read names the
 * version of its own snapshot, and only a version newer than the one kept costs one more statement,
 * which loads all roles again. The read that names the version is the live one (SEC-20): a grant, a
 * revoke, a deletion or a change of permissions made by any instance shows in the very next read.
 * Nothing to invalidate, so nothing to announce between instances.
 *
 * <p>An edit of {@code userkit_roles} by hand that does not raise {@code userkit_role_catalog.version}
 * is not seen until the version moves: whoever edits the table must raise it as the store does.
 */
final class RoleBodies {
    private static final String CATALOG_VERSION = "catalog_version";
    // one statement, so the version and the bodies are those of the same snapshot; the LEFT JOIN keeps
    // the catalog's row when there is no role
    private static final String LOAD = "SELECT c.version AS " + CATALOG_VERSION + ", " + Columns.qualified("r", JdbcRoleStore.COLUMNS)
            + " FROM userkit_role_catalog c LEFT JOIN userkit_roles r ON 1 = 1";

    private final Jdbc jdbc;
    private volatile Catalog kept = new Catalog(-1, Map.of());

    RoleBodies(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every role by id, as stored at catalog version {@code version} or a later one.
     *
     * @param version the catalog's version, as the authorisation read found it
     */
    Map<RoleId, Role> at(long version) {
        Catalog current = kept;
        if (current.version() >= version) return current.roles();
        return loadedAtLeast(version).roles();
    }

    // one loader at a time: the threads that see a new version together wait for one statement, not one each
    private synchronized Catalog loadedAtLeast(long version) {
        if (kept.version() >= version) return kept;
        Catalog loaded = jdbc.read(LOAD, p -> { }, rows -> {
            if (!rows.next()) throw new StoreException("userkit_role_catalog holds no row: the schema is not migrated (V10)");
            long at = rows.number(CATALOG_VERSION);
            Map<RoleId, Role> roles = new HashMap<>();
            do {
                if (rows.uuid("id") != null) {
                    Role role = JdbcRoleStore.map(rows).role();
                    roles.put(role.id(), role);
                }
            } while (rows.next());
            return new Catalog(at, Map.copyOf(roles));
        }, "load role catalog");
        // a load never goes back: another instance may only have raised the version further
        if (loaded.version() > kept.version()) kept = loaded;
        return kept;
    }

    /** The bodies of all roles at one catalog version. */
    private record Catalog(long version, Map<RoleId, Role> roles) { }
}
