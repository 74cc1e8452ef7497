package dev.userkit.access;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Role;
import dev.userkit.domain.UserId;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.spi.RoleRecord;
import java.util.List;
import java.util.Map;

/** Who holds which role (R3): grants, revocations and the lookups both ways. */
final class Grants {
    private final UserKitContext ctx;
    private final RoleCatalog catalog;

    Grants(UserKitContext ctx, RoleCatalog catalog) {
        this.ctx = ctx;
        this.catalog = catalog;
    }

    /** Grants ({@code grant}) or revokes a role; see {@link AccessControl#grant} and {@link AccessControl#revoke}. */
    boolean change(UserId user, String roleName, boolean grant) {
        if (user == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "User id is required");
        if (ctx.stores().users().findById(user).isEmpty()) throw new UserKitException(ErrorCode.USER_NOT_FOUND);
        RoleRecord rec = catalog.require(roleName);
        boolean changed = grant ? ctx.stores().roles().grant(user, rec.role().id())
                : ctx.stores().roles().revoke(user, rec.role().id());
        if (changed) {
            ctx.events().emit(UserKitEvent.Type.ROLE_CHANGED, user, null,
                    Map.of("role", rec.role().name(), "action", grant ? "grant" : "revoke"));
        }
        return changed;
    }

    /** See {@link AccessControl#rolesOf}. */
    List<Role> rolesOf(UserId user) {
        if (user == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "User id is required");
        return ctx.stores().roles().rolesOf(user);
    }

    /** See {@link AccessControl#usersWith}. */
    List<UserId> usersWith(String roleName, UserId after, int limit) {
        if (limit < 1 || limit > 1000) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "limit must be 1..1000");
        return ctx.stores().roles().usersWith(catalog.require(roleName).role().id(), after, limit);
    }
}
