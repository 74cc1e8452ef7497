package dev.userkit.access;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.Limits;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.TextRules;
import dev.userkit.domain.TextRules.Lines;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.internal.IdGenerator;
import dev.userkit.internal.UserKitContext;
import dev.userkit.sessions.Sessions;
import dev.userkit.sessions.Validation;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.RoleRecord;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Roles, permissions, grants and authorisation (R1-R4). Authorisation denies by default, reads the
 * user's roles from the store at every check (SEC-20), refuses non-canonical paths, and gives the
 * admin flag no power of its own. Every method may also throw {@link dev.userkit.StoreException};
 * {@link #authorize} never turns one into ALLOWED (REL-5).
 */
public final class AccessControl {
    /** Optimistic update attempts before giving up with 1013. */
    private static final int MAX_RETRIES = 8;
    private final UserKitContext ctx;
    private final Sessions sessions;

    /**
     * Built by {@link dev.userkit.UserKit} or Guice.
     *
     * @param ctx the stores, configuration, clock and hooks shared by the services
     * @param sessions the session service, which validates the tokens to authorise
     */
    @Inject
    public AccessControl(UserKitContext ctx, Sessions sessions) {
        this.ctx = ctx;
        this.sessions = sessions;
    }

    /**
     * Creates a role with no permissions (R1). Raises 701 WRONG_ROLE_NAME for a malformed name,
     * 702 ROLE_EXISTS for a taken one, 1010 for a description over {@link Limits#ROLE_DESCRIPTION}
     * code points or with a character {@link TextRules} refuses in multi-line text.
     *
     * @param name the role's name, 1-64 of {@code [A-Za-z0-9_.-]}
     * @param description what the role is for
     * @return the new role
     */
    public Role createRole(String name, String description) {
        Role role = new Role(IdGenerator.roleId(), validName(name), validDescription(description), List.of());
        try {
            ctx.stores().roles().insert(new RoleRecord(role, 0));
        } catch (DuplicateKeyException e) {
            throw new UserKitException(ErrorCode.ROLE_EXISTS);
        }
        return role;
    }

    /**
     * The role of this name, or empty (also for a malformed name).
     *
     * @param name the role's name
     * @return the role, or empty
     */
    public Optional<Role> findRole(String name) {
        if (name == null || !Role.NAME.matcher(name).matches()) return Optional.empty();
        return ctx.stores().roles().findByName(name).map(RoleRecord::role);
    }

    /**
     * Every role, ordered by name.
     *
     * @return every role
     */
    public List<Role> listRoles() {
        return ctx.stores().roles().list().stream().map(RoleRecord::role).toList();
    }

    /**
     * Renames a role (R1); grants stay. Raises 701 for a malformed new name or an unknown role, 702 for a taken name, 1013.
     *
     * @param name the role's current name
     * @param newName its new name
     * @return the renamed role
     */
    public Role renameRole(String name, String newName) {
        String valid = validName(newName);
        return modify(name, r -> new Role(r.id(), valid, r.description(), r.permissions()));
    }

    /**
     * Sets a role's description (R1). Raises 701 for an unknown role, 1010 for a description {@link #createRole} refuses, 1013.
     *
     * @param name the role's name
     * @param description the new description
     * @return the updated role
     */
    public Role describeRole(String name, String description) {
        String valid = validDescription(description);
        return modify(name, r -> new Role(r.id(), r.name(), valid, r.permissions()));
    }

    /**
     * Deletes a role and every grant of it (R1). Raises 701 for an unknown role.
     *
     * @param name the role's name
     */
    public void deleteRole(String name) {
        RoleRecord rec = require(name);
        if (!ctx.stores().roles().delete(rec.role().id())) throw new UserKitException(ErrorCode.WRONG_ROLE_NAME);
    }

    /**
     * Adds a permission to a role (R2). Raises 701 for an unknown role; 703 INVALID_PATTERN for a
     * malformed pattern or name or an empty verb set; 704 PATTERN_EXISTS when the role already has
     * that pattern or that name; 1013 after repeated concurrent changes.
     *
     * @param roleName the role's name
     * @param permission the permission to add
     * @return the updated role
     */
    public Role addPermission(String roleName, Permission permission) {
        Permission p = validPermission(permission);
        return modify(roleName, r -> {
            refuseClash(r.permissions(), p, null);
            List<Permission> next = new ArrayList<>(r.permissions());
            next.add(p);
            return withPermissions(r, next);
        });
    }

    /**
     * Replaces the permission named {@code permissionName} (R2), keeping its place. Raises 701 for an
     * unknown role; 703 for a malformed permission or when the role has no permission of that
     * name; 704 when another permission of the role has the new pattern or name; 1013.
     *
     * @param roleName the role's name
     * @param permissionName the name of the permission to replace
     * @param permission the permission that takes its place
     * @return the updated role
     */
    public Role updatePermission(String roleName, String permissionName, Permission permission) {
        Permission p = validPermission(permission);
        return modify(roleName, r -> {
            int at = indexOf(r.permissions(), permissionName);
            if (at < 0) throw new UserKitException(ErrorCode.INVALID_PATTERN, "No such permission");
            refuseClash(r.permissions(), p, permissionName);
            List<Permission> next = new ArrayList<>(r.permissions());
            next.set(at, p);
            return withPermissions(r, next);
        });
    }

    /**
     * Removes the permission named {@code permissionName} (R2). Raises 701 for an unknown role, 703 for an unknown permission, 1013.
     *
     * @param roleName the role's name
     * @param permissionName the name of the permission to remove
     * @return the updated role
     */
    public Role removePermission(String roleName, String permissionName) {
        return modify(roleName, r -> {
            int at = indexOf(r.permissions(), permissionName);
            if (at < 0) throw new UserKitException(ErrorCode.INVALID_PATTERN, "No such permission");
            List<Permission> next = new ArrayList<>(r.permissions());
            next.remove(at);
            return withPermissions(r, next);
        });
    }

    /**
     * Grants a role to a user (R3); takes effect at the user's next check, without a new token
     * (SEC-17). Raises 605 USER_NOT_FOUND, 701 for an unknown role, 1010 for a null user.
     *
     * @param user the user's id
     * @param roleName the role's name
     * @return true if newly granted, false if already held
     */
    public boolean grant(UserId user, String roleName) {
        return changeGrant(user, roleName, true);
    }

    /**
     * Revokes a role from a user (R3); gone at the user's next check (SEC-20).
     * Raises 605 USER_NOT_FOUND, 701 for an unknown role, 1010 for a null user.
     *
     * @param user the user's id
     * @param roleName the role's name
     * @return true if the role was held
     */
    public boolean revoke(UserId user, String roleName) {
        return changeGrant(user, roleName, false);
    }

    private boolean changeGrant(UserId user, String roleName, boolean grant) {
        if (user == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "User id is required");
        if (ctx.stores().users().findById(user).isEmpty()) throw new UserKitException(ErrorCode.USER_NOT_FOUND);
        RoleRecord rec = require(roleName);
        boolean changed = grant ? ctx.stores().roles().grant(user, rec.role().id())
                : ctx.stores().roles().revoke(user, rec.role().id());
        if (changed) {
            ctx.events().emit(UserKitEvent.Type.ROLE_CHANGED, user, null,
                    Map.of("role", rec.role().name(), "action", grant ? "grant" : "revoke"));
        }
        return changed;
    }

    /**
     * The roles the user holds, ordered by name (R3). Raises 1010 for a null user.
     *
     * @param user the user's id
     * @return the user's roles, possibly none
     */
    public List<Role> rolesOf(UserId user) {
        if (user == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "User id is required");
        return ctx.stores().roles().rolesOf(user);
    }

    /**
     * Users holding a role (R3), in id order. Raises 701 for an unknown role, 1010 for a limit outside 1..1000.
     *
     * @param after the last id of the previous page, or null
     * @param roleName the role's name
     * @param limit the page size, 1 to 1000
     * @return at most {@code limit} ids of holders of the role
     */
    public List<UserId> usersWith(String roleName, UserId after, int limit) {
        if (limit < 1 || limit > 1000) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "limit must be 1..1000");
        return ctx.stores().roles().usersWith(require(roleName).role().id(), after, limit);
    }

    /**
     * Authorises a request (R4). UNAUTHENTICATED for a missing, unknown, revoked or expired token
     * or an anonymous session; FORBIDDEN for a null verb, a non-canonical path (see
     * {@link #isCanonicalPath}) or when no permission of the user's roles, read now (SEC-20),
     * allows the verb on the path. A store fault propagates as {@link dev.userkit.StoreException}:
     * never ALLOWED (REL-5).
     *
     * @param token the session token the caller presented, or null
     * @param verb the request's HTTP verb
     * @param path the request path, without query or fragment
     * @return ALLOWED, UNAUTHENTICATED or FORBIDDEN
     */
    public Decision authorize(String token, Verb verb, String path) {
        Validation v;
        try {
            v = sessions.validate(token);
        } catch (UserKitException invalid) {
            return Decision.UNAUTHENTICATED;
        }
        return authorizeSession(v, verb, path);
    }

    /**
     * Authorises a request for a session validated moments ago by {@link Sessions#validate}; as {@link #authorize(String, Verb, String)}.
     *
     * @param validation the outcome of {@link Sessions#validate} for the request's token
     * @param verb the request's HTTP verb
     * @param path the request path, without query or fragment
     * @return ALLOWED, UNAUTHENTICATED or FORBIDDEN
     */
    public Decision authorizeSession(Validation validation, Verb verb, String path) {
        if (validation == null || validation.anonymous()) return Decision.UNAUTHENTICATED;
        if (verb == null || !isCanonicalPath(path)) return Decision.FORBIDDEN;
        for (Role role : ctx.stores().roles().rolesOf(validation.user().orElseThrow().id())) {
            for (Permission p : role.permissions()) {
                if (p.verbs().contains(verb) && PathPattern.isValid(p.pattern()) && PathPattern.matches(p.pattern(), path)) {
                    return Decision.ALLOWED;
                }
            }
        }
        return Decision.FORBIDDEN;
    }

    /**
     * Whether a request path is canonical: starts with '/', no empty, "." or ".." segment, no
     * percent-encoding, backslash, ';', '?', '#', space or control character.
     *
     * @param path the request path
     * @return true if the path is canonical
     */
    public static boolean isCanonicalPath(String path) {
        return PathPattern.isCanonicalPath(path);
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

    private RoleRecord require(String name) {
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
        if (p == null || !PathPattern.isValid(p.pattern()) || p.verbs().isEmpty()) {
            throw new UserKitException(ErrorCode.INVALID_PATTERN);
        }
        return p;
    }

    /** 704 if another permission (not the one named {@code replacing}) has the same pattern or name. */
    private static void refuseClash(List<Permission> existing, Permission p, String replacing) {
        for (Permission e : existing) {
            if (e.name().equals(replacing)) continue;
            if (e.pattern().equals(p.pattern()) || e.name().equals(p.name())) throw new UserKitException(ErrorCode.PATTERN_EXISTS);
        }
    }

    private static int indexOf(List<Permission> permissions, String name) {
        for (int i = 0; i < permissions.size(); i++) {
            if (permissions.get(i).name().equals(name)) return i;
        }
        return -1;
    }

    private static Role withPermissions(Role r, List<Permission> permissions) {
        return new Role(r.id(), r.name(), r.description(), permissions);
    }
}
