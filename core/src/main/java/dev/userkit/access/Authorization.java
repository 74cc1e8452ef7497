package dev.userkit.access;

import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Role;
import dev.userkit.domain.Verb;
import dev.userkit.sessions.Sessions;
import dev.userkit.sessions.Validation;

/** Authorisation (R4): deny by default, the user's roles read from the store at every check (SEC-20). */
final class Authorization {
    private final UserKitContext ctx;
    private final Sessions sessions;

    Authorization(UserKitContext ctx, Sessions sessions) {
        this.ctx = ctx;
        this.sessions = sessions;
    }

    /** See {@link AccessControl#authorize}. */
    Decision authorize(String token, Verb verb, String path) {
        Validation v;
        try {
            v = sessions.validate(token);
        } catch (UserKitException invalid) {
            return Decision.UNAUTHENTICATED;
        }
        return authorizeSession(v, verb, path);
    }

    /** See {@link AccessControl#authorizeSession}. */
    Decision authorizeSession(Validation validation, Verb verb, String path) {
        if (validation == null || validation.anonymous()) return Decision.UNAUTHENTICATED;
        if (verb == null || !PathPattern.isCanonicalPath(path)) return Decision.FORBIDDEN;
        for (Role role : ctx.stores().roles().rolesOf(validation.user().orElseThrow().id())) {
            for (Permission p : role.permissions()) {
                if (p.verbs().contains(verb) && PathPattern.isValid(p.pattern()) && PathPattern.matches(p.pattern(), path)) {
                    return Decision.ALLOWED;
                }
            }
        }
        return Decision.FORBIDDEN;
    }
}
