package dev.userkit.access;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.TokenRoleReads;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.Verb;
import dev.userkit.sessions.Devices;
import dev.userkit.sessions.Validation;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.SessionAccess;
import java.util.List;
import java.util.Set;

/** Authorisation (R4): deny by default, the user's roles read from the store at every check (SEC-20). */
final class Authorization {
    private final UserKitContext ctx;
    private final TokenRoleReads reads;
    private final Devices devices;

    Authorization(UserKitContext ctx, TokenRoleReads reads, Devices devices) {
        this.ctx = ctx;
        this.reads = reads;
        this.devices = devices;
    }

    /** See {@link AccessControl#check}. */
    Verdict check(String token, Verb verb, String path) {
        SessionAccess read;
        try {
            read = reads.validateWithRoles(token);
        } catch (UserKitException invalid) {
            return Verdict.unauthenticated(invalid.code());
        }
        if (read.userId() == null) return Verdict.unauthenticated(ErrorCode.TOKEN_INVALID);
        return verdictOf(decide(read.roles(), verb, path));
    }

    /** See {@link AccessControl#checkSession}. */
    Verdict checkSession(Validation validation, String deviceToken, Verb verb, String path) {
        if (validation == null || validation.anonymous()) return Verdict.unauthenticated(ErrorCode.TOKEN_INVALID);
        try {
            devices.checkRequestDevice(validation, deviceToken);
        } catch (UserKitException refused) {
            return Verdict.forbidden(refused.code());
        }
        return verdictOf(authorizeSession(validation, verb, path));
    }

    private static Verdict verdictOf(Decision decision) {
        return decision == Decision.ALLOWED ? Verdict.ALLOWED : Verdict.forbidden(ErrorCode.ACCESS_DENIED);
    }

    /** See {@link AccessControl#authorize}: the session, its user and the user's roles in one read. */
    Decision authorize(String token, Verb verb, String path) {
        SessionAccess read;
        try {
            read = reads.validateWithRoles(token);
        } catch (UserKitException invalid) {
            return Decision.UNAUTHENTICATED;
        }
        if (read.userId() == null) return Decision.UNAUTHENTICATED;
        return decide(read.roles(), verb, path);
    }

    /** See {@link AccessControl#authorizeSession}. */
    Decision authorizeSession(Validation validation, Verb verb, String path) {
        if (validation == null || validation.anonymous()) return Decision.UNAUTHENTICATED;
        return decide(ctx.stores().roles().rolesOf(validation.user().orElseThrow().id()), verb, path);
    }

    /**
     * See {@link AccessControl#authorizeRoles}: one read of the role catalog, the roles kept by name.
     * A name the catalog no longer holds (a role deleted or renamed since the token was made) grants nothing.
     */
    Decision authorizeRoles(Set<String> roleNames, Verb verb, String path) {
        if (roleNames == null || roleNames.isEmpty()) return Decision.FORBIDDEN;
        List<Role> held = ctx.stores().roles().list().stream().map(RoleRecord::role).filter(r -> roleNames.contains(r.name())).toList();
        return decide(held, verb, path);
    }

    private static Decision decide(List<Role> roles, Verb verb, String rawPath) {
        String path = RequestPath.canonical(rawPath);
        if (verb == null || path == null) return Decision.FORBIDDEN;
        String[] segments = PathPattern.segments(path);
        for (Role role : roles) {
            for (Permission p : role.permissions()) {
                if (p.verbs().contains(verb) && PathPattern.grants(p.pattern(), segments)) {
                    return Decision.ALLOWED;
                }
            }
        }
        return Decision.FORBIDDEN;
    }
}
