package dev.userkit.access;

import dev.userkit.assembly.TokenRoleReads;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.domain.Limits;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.TextRules;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.sessions.Devices;
import dev.userkit.sessions.Sessions;
import dev.userkit.sessions.Validation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Roles, permissions, grants and authorisation (R1-R4). Authorisation denies by default, reads the
 * user's roles from the store at every check (SEC-20), refuses non-canonical paths, and gives the
 * admin flag no power of its own. Every method may also throw {@link dev.userkit.StoreException};
 * {@link #authorize} never turns one into ALLOWED (REL-5).
 */
public final class AccessControl {
    private final RoleCatalog catalog;
    private final Grants grants;
    private final Authorization authorization;
    private final Instrumentation instrumentation;

    /** Built by {@link AccessFactory}, for {@link dev.userkit.UserKit} or Guice. */
    AccessControl(UserKitContext ctx, TokenRoleReads reads, Devices devices) {
        this.catalog = new RoleCatalog(ctx);
        this.grants = new Grants(ctx, catalog);
        this.authorization = new Authorization(ctx, reads, devices);
        this.instrumentation = ctx.instrumentation();
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
        return catalog.createRole(name, description);
    }

    /**
     * The role of this name, or empty (also for a malformed name).
     *
     * @param name the role's name
     * @return the role, or empty
     */
    public Optional<Role> findRole(String name) {
        return catalog.findRole(name);
    }

    /**
     * Every role, ordered by name.
     *
     * @return every role
     */
    public List<Role> listRoles() {
        return catalog.listRoles();
    }

    /**
     * Renames a role (R1); grants stay. Raises 701 for a malformed new name or an unknown role, 702 for a taken name, 1013.
     *
     * @param name the role's current name
     * @param newName its new name
     * @return the renamed role
     */
    public Role renameRole(String name, String newName) {
        return catalog.renameRole(name, newName);
    }

    /**
     * Sets a role's description (R1). Raises 701 for an unknown role, 1010 for a description {@link #createRole} refuses, 1013.
     *
     * @param name the role's name
     * @param description the new description
     * @return the updated role
     */
    public Role describeRole(String name, String description) {
        return catalog.describeRole(name, description);
    }

    /**
     * Deletes a role and every grant of it (R1). Raises 701 for an unknown role.
     *
     * @param name the role's name
     */
    public void deleteRole(String name) {
        catalog.deleteRole(name);
    }

    /**
     * Adds a permission to a role (R2) under a new random id (R6: {@link Permission#id()}, which
     * renames keep; the added permission is the one of the returned role with its name). Raises 701 for an unknown role; 703 INVALID_PATTERN for a
     * malformed pattern or name or an empty verb set; 704 PATTERN_EXISTS when the role already has
     * that pattern or that name; 1013 after repeated concurrent changes.
     *
     * @param roleName the role's name
     * @param permission the permission to add
     * @return the updated role
     */
    public Role addPermission(String roleName, Permission permission) {
        return catalog.addPermission(roleName, permission);
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
        return catalog.updatePermission(roleName, p -> p.name().equals(permissionName), permission);
    }

    /**
     * Replaces the permission with this stable id (R6, umpack's {@code actionId}), keeping its id and
     * place; as {@link #updatePermission}, with 703 when the role has no permission of that id.
     *
     * @param roleName the role's name
     * @param permissionId the {@link Permission#id()} of the permission to replace
     * @param permission the permission that takes its place (its own id is ignored)
     * @return the updated role
     */
    public Role updatePermissionById(String roleName, String permissionId, Permission permission) {
        return catalog.updatePermission(roleName, p -> p.id().equals(permissionId), permission);
    }

    /**
     * Removes the permission named {@code permissionName} (R2). Raises 701 for an unknown role, 703 for an unknown permission, 1013.
     *
     * @param roleName the role's name
     * @param permissionName the name of the permission to remove
     * @return the updated role
     */
    public Role removePermission(String roleName, String permissionName) {
        return catalog.removePermission(roleName, p -> p.name().equals(permissionName));
    }

    /**
     * Removes the permission with this stable id (R6). Raises 701 for an unknown role, 703 for an unknown id, 1013.
     *
     * @param roleName the role's name
     * @param permissionId the {@link Permission#id()} of the permission to remove
     * @return the updated role
     */
    public Role removePermissionById(String roleName, String permissionId) {
        return catalog.removePermission(roleName, p -> p.id().equals(permissionId));
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
        return grants.change(user, roleName, true);
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
        return grants.change(user, roleName, false);
    }

    /**
     * The roles the user holds, ordered by name (R3). Raises 1010 for a null user.
     *
     * @param user the user's id
     * @return the user's roles, possibly none
     */
    public List<Role> rolesOf(UserId user) {
        return grants.rolesOf(user);
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
        return grants.usersWith(roleName, after, limit);
    }

    /**
     * Authorises a request (R4). UNAUTHENTICATED for a missing, unknown, revoked or expired token
     * or an anonymous session; FORBIDDEN for a null verb, a path without a canonical form (see
     * {@link #canonicalPath}) or when no permission of the user's roles, read now (SEC-20),
     * allows the verb on the path. A store fault propagates as {@link dev.userkit.StoreException}:
     * never ALLOWED (REL-5).
     *
     * @param token the session token the caller presented, or null
     * @param verb the request's HTTP verb
     * @param path the request path as the client sent it (percent-encoded; a query is ignored)
     * @return ALLOWED, UNAUTHENTICATED or FORBIDDEN
     */
    public Decision authorize(String token, Verb verb, String path) {
        long started = System.nanoTime();
        return reported(authorization.authorize(token, verb, path), started);
    }

    /**
     * Authorises a request for a session validated moments ago by {@link Sessions#validate}; as {@link #authorize(String, Verb, String)}.
     *
     * @param validation the outcome of {@link Sessions#validate} for the request's token
     * @param verb the request's HTTP verb
     * @param path the request path as the client sent it (percent-encoded; a query is ignored)
     * @return ALLOWED, UNAUTHENTICATED or FORBIDDEN
     */
    public Decision authorizeSession(Validation validation, Verb verb, String path) {
        long started = System.nanoTime();
        return reported(authorization.authorizeSession(validation, verb, path), started);
    }

    /**
     * As {@link #authorize(String, Verb, String)}, with the refusal's code (R6): UNAUTHENTICATED
     * carries 606 (no token), 607 (unknown, revoked, or an anonymous session) or 608 (expired),
     * FORBIDDEN carries 609 ACCESS_DENIED.
     *
     * @param token the session token the caller presented, or null
     * @param verb the request's HTTP verb
     * @param path the request path as the client sent it
     * @return the verdict
     */
    public Verdict check(String token, Verb verb, String path) {
        long started = System.nanoTime();
        return reported(authorization.check(token, verb, path), started);
    }

    /**
     * Authorises a request on a session validated moments ago, device included (R6): UNAUTHENTICATED
     * with 607 for no or an anonymous session; under device control FORBIDDEN with 806 DEVICE_DENIED
     * when the request does not come from the permitted device its session was admitted from
     * ({@link Devices#checkRequestDevice}); FORBIDDEN with 609 when no permission allows the verb on
     * the path (as {@link #authorizeSession}); otherwise ALLOWED.
     *
     * @param validation the outcome of {@link Sessions#validate} for the request's token, or null
     * @param deviceToken the device token the request presented, or null
     * @param verb the request's HTTP verb, or null for a method no permission can name
     * @param path the request path as the client sent it
     * @return the verdict
     */
    public Verdict checkSession(Validation validation, String deviceToken, Verb verb, String path) {
        long started = System.nanoTime();
        return reported(authorization.checkSession(validation, deviceToken, verb, path), started);
    }

    /**
     * Authorises a request by role names a caller presents in a signed access token (S9), with no
     * session read: the permissions are those the named roles have in the role catalog now (one read
     * of the catalog), so a permission change reaches such a caller at once, but a grant or revoke of
     * a role only when the caller's next token is made, within one token lifetime (unlike
     * {@link #authorize}, whose roles are read live, SEC-20). A name the catalog does not hold grants
     * nothing. FORBIDDEN for no roles, a null verb, a path without a canonical form, or no permission
     * of the named roles allowing the verb on the path; never UNAUTHENTICATED (the token was checked
     * by its verifier). A store fault propagates as {@link dev.userkit.StoreException} (REL-5).
     *
     * @param roleNames the names of the roles the token claims
     * @param verb the request's HTTP verb
     * @param path the request path as the client sent it (percent-encoded; a query is ignored)
     * @return ALLOWED or FORBIDDEN
     */
    public Decision authorizeRoles(Set<String> roleNames, Verb verb, String path) {
        long started = System.nanoTime();
        return reported(authorization.authorizeRoles(roleNames, verb, path), started);
    }

    // each public decision is reported once, here (W6): a store fault is no decision and reports nothing
    private Decision reported(Decision decision, long started) {
        instrumentation.authorized(decision == Decision.ALLOWED, System.nanoTime() - started);
        return decision;
    }

    private Verdict reported(Verdict verdict, long started) {
        instrumentation.authorized(verdict.allowed(), System.nanoTime() - started);
        return verdict;
    }

    /**
     * Whether a request path has a canonical form, so that {@link #authorize} can allow it at all.
     *
     * @param path the request path as the client sent it
     * @return true if {@link #canonicalPath} gives a form
     */
    public static boolean isCanonicalPath(String path) {
        return RequestPath.canonical(path) != null;
    }

    /**
     * The canonical form of a request path, the form permissions are matched against: the query cut
     * off, one trailing '/' dropped, percent-escapes decoded as UTF-8 ({@code /files/caf%C3%A9} is
     * {@code /files/café}, {@code /files/my%20doc} is {@code /files/my doc}). Empty when a server
     * might resolve the path to another resource than the one checked: {@code //}, "." and ".."
     * segments, an encoded '.', '/', '\', '%', ';', '?' or '#', path parameters such as
     * {@code ;jsessionid=}, raw backslashes, spaces or controls, malformed escapes or UTF-8, control,
     * format or separator characters. No Unicode normalisation: a decomposed {@code cafe\u0301} stays
     * what it is.
     *
     * @param path the request path as the client sent it, possibly with a query
     * @return the canonical path, or empty when it is FORBIDDEN whatever the roles
     */
    public static Optional<String> canonicalPath(String path) {
        return Optional.ofNullable(RequestPath.canonical(path));
    }

    /**
     * Whether a request path's canonical form matches an Ant-style pattern (R2), for an edge that
     * exempts some paths from authorisation: false for a malformed pattern or a path without a
     * canonical form, so an exemption can never cover a path {@link #authorize} would refuse.
     *
     * @param pattern an Ant-style path pattern
     * @param path the request path as the client sent it
     * @return true if the pattern is valid and matches the path's canonical form
     */
    public static boolean pathMatches(String pattern, String path) {
        String canonical = RequestPath.canonical(path);
        return canonical != null && PathPattern.grants(pattern, PathPattern.segments(canonical));
    }
}
