package dev.userkit.store.jdbc;

import dev.userkit.domain.Role;
import dev.userkit.domain.RoleId;
import dev.userkit.spi.RoleRecord;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The roles an authorisation read names by id and version, kept in process: a role row's body
 * (name, description, permissions) changes only through {@link JdbcRoleStore#update}, which always
 * raises its version, so the body kept for a version is the body stored with that version. The read
 * that names the version is the live one (SEC-20): a grant, a revoke, a deletion or a change of
 * permissions made by any instance shows in the very next read, and only a version not seen before
 * costs one more statement. Nothing to invalidate, so nothing to announce between instances.
 *
 * <p>An edit of {@code userkit_roles} by hand that keeps the version is not seen until the version
 * moves: whoever edits the table must raise {@code version} as the store does.
 */
final class RoleBodies {
    /** Past this many roles the map starts again, so deleted roles cannot pile up. */
    private static final int MAX_ROLES = 4096;
    private final ConcurrentMap<RoleId, RoleRecord> byId = new ConcurrentHashMap<>();
    private final JdbcRoleStore roles;

    RoleBodies(JdbcRoleStore roles) {
        this.roles = roles;
    }

    /**
     * The role with this id as stored at {@code version} or later; empty when it is gone.
     *
     * @param id the role's id, as the read found it
     * @param version the role's version, as the same read found it
     */
    Optional<Role> at(RoleId id, long version) {
        RoleRecord kept = byId.get(id);
        if (kept != null && kept.version() >= version) return Optional.of(kept.role());
        Optional<RoleRecord> read = roles.findById(id);
        if (read.isEmpty()) {
            byId.remove(id);
            return Optional.empty();
        }
        if (byId.size() >= MAX_ROLES) byId.clear();
        byId.merge(id, read.get(), (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        return Optional.of(read.get().role());
    }
}
