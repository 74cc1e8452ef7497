package dev.userkit.access;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Limits;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.TextRules.Lines;
import dev.userkit.domain.TextRules;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.RoleRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Roles and their permissions (R1, R2): created, renamed, described and deleted, permissions added, changed and removed. */
final class RoleCatalog {
    /** Optimistic update attempts before giving up with 1013. */
    private static final int MAX_RETRIES = 8;
    private final UserKitContext ctx;

    RoleCatalog(UserKitContext ctx) {
        this.ctx = ctx;
    }

    /** See {@link AccessControl#createRole}. */
    Role createRole(String name, String description) {
        Role role = new Role(IdGenerator.roleId(), validName(name), validDescription(description), List.of());
        try {
            ctx.stores().roles().insert(new RoleRecord(role, 0));
        } catch (DuplicateKeyException e) {
            throw new UserKitException(ErrorCode.ROLE_EXISTS);
        }
        return role;
    }

    /** See {@link AccessControl#findRole}. */
    Optional<Role> findRole(String name) {
        if (name == null || !Role.NAME.matcher(name).matches()) return Optional.empty();
        return ctx.stores().roles().findByName(name).map(RoleRecord::role);
    }

    /** See {@link AccessControl#listRoles}. */
    List<Role> listRoles() {
        return ctx.stores().roles().list().stream().map(RoleRecord::role).toList();
    }

    /** See {@link AccessControl#renameRole}. */
    Role renameRole(String name, String newName) {
        String valid = validName(newName);
        return modify(name, r -> new Role(r.id(), valid, r.description(), r.permissions()));
    }

    /** See {@link AccessControl#describeRole}. */
    Role describeRole(String name, String description) {
        String valid = validDescription(description);
        return modify(name, r -> new Role(r.id(), r.name(), valid, r.permissions()));
    }

    /** See {@link AccessControl#deleteRole}. */
    void deleteRole(String name) {
        RoleRecord rec = require(name);
        if (!ctx.stores().roles().delete(rec.role().id())) throw new UserKitException(ErrorCode.WRONG_ROLE_NAME);
    }

    /** See {@link AccessControl#addPermission}: a new permission gets a random id. */
    Role addPermission(String roleName, Permission permission) {
        Permission p = validPermission(permission).withId(IdGenerator.permissionId());
        return modify(roleName, r -> {
            refuseClash(r.permissions(), p, -1);
            List<Permission> next = new ArrayList<>(r.permissions());
            next.add(p);
            return withPermissions(r, next);
        });
    }

    /** See {@link AccessControl#updatePermission} and {@link AccessControl#updatePermissionById}: the id stays. */
    Role updatePermission(String roleName, Predicate<Permission> which, Permission permission) {
        Permission p = validPermission(permission);
        return modify(roleName, r -> {
            int at = indexOf(r.permissions(), which);
            refuseClash(r.permissions(), p, at);
            List<Permission> next = new ArrayList<>(r.permissions());
            next.set(at, p.withId(r.permissions().get(at).id()));
            return withPermissions(r, next);
        });
    }

    /** See {@link AccessControl#removePermission} and {@link AccessControl#removePermissionById}. */
    Role removePermission(String roleName, Predicate<Permission> which) {
        return modify(roleName, r -> {
            int at = indexOf(r.permissions(), which);
            List<Permission> next = new ArrayList<>(r.permissions());
            next.remove(at);
            return withPermissions(r, next);
        });
    }

    private Role modify(String roleName, UnaryOperator<Role> change) {
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            RoleRecord rec = require(roleName);
            Role next = change.apply(rec.role());
            try {
                if (ctx.stores().roles().update(rec.next(next))) return next;
            } catch (DuplicateKeyException e) {
                throw new UserKitException(ErrorCode.ROLE_EXISTS);
            }
        }
        throw new UserKitException(ErrorCode.CONCURRENT_UPDATE);
    }

    /** The role of this name: 701 WRONG_ROLE_NAME if there is none. */
    RoleRecord require(String name) {
        return ctx.stores().roles().findByName(validName(name)).orElseThrow(() -> new UserKitException(ErrorCode.WRONG_ROLE_NAME));
    }

    private static String validName(String name) {
        return Role.checkName(name);
    }

    /** The description checked as {@link Role} checks it, before any store call. */
    private static String validDescription(String description) {
        return description == null ? null
                : TextRules.check(description, "Description", Limits.ROLE_DESCRIPTION, Lines.MULTI, ErrorCode.INVALID_ARGUMENT);
    }

    /** Name and size are checked by {@link Permission} itself; the pattern syntax and the verbs here. */
    private static Permission validPermission(Permission p) {
        if (p == null) throw new UserKitException(ErrorCode.INVALID_PATTERN, "A permission is required");
        String problem = PathPattern.problem(p.pattern());
        if (problem != null) throw new UserKitException(ErrorCode.INVALID_PATTERN, problem);
        if (p.verbs().isEmpty()) throw new UserKitException(ErrorCode.INVALID_PATTERN, "A permission must allow at least one verb");
        return p;
    }

    /** 704 if another permission (not the one at {@code replacing}) has the same pattern or name. */
    private static void refuseClash(List<Permission> existing, Permission p, int replacing) {
        for (int i = 0; i < existing.size(); i++) {
            Permission e = existing.get(i);
            if (i == replacing) continue;
            if (e.pattern().equals(p.pattern()) || e.name().equals(p.name())) throw new UserKitException(ErrorCode.PATTERN_EXISTS);
        }
    }

    /** The index of the permission selected: 703 INVALID_PATTERN when the role has none. */
    private static int indexOf(List<Permission> permissions, Predicate<Permission> which) {
        for (int i = 0; i < permissions.size(); i++) {
            if (which.test(permissions.get(i))) return i;
        }
        throw new UserKitException(ErrorCode.INVALID_PATTERN, "No such permission");
    }

    private static Role withPermissions(Role r, List<Permission> permissions) {
        return new Role(r.id(), r.name(), r.description(), permissions);
    }
}
