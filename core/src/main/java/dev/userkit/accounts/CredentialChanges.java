package dev.userkit.accounts;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Username;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.spi.UserRecord;
import java.util.Map;

/**
 * Changes of the login credentials, username and password (A6, A7): the self-service forms need
 * the current password, the admin forms do not, and a new password ends the user's other sessions
 * (SEC-19). Kept apart from plain profile edits because these decide who can log in.
 */
final class CredentialChanges {
    private final UserKitContext ctx;
    private final ServiceHelpers support;
    private final AccountChecks checks;

    CredentialChanges(ServiceHelpers support, AccountChecks checks) {
        this.ctx = support.ctx();
        this.support = support;
        this.checks = checks;
    }

    /** See {@link Accounts#changeUsername}. */
    User changeUsername(UserId id, String currentPassword, String newName) {
        Username name = Username.of(newName, ctx.config().usernameCaseSensitive());
        checks.requirePassword(support.records().require(id), currentPassword);
        return applyUsername(id, name);
    }

    /** See {@link Accounts#adminChangeUsername}. */
    User adminChangeUsername(UserId id, String newName) {
        return applyUsername(id, Username.of(newName, ctx.config().usernameCaseSensitive()));
    }

    /** See {@link Accounts#changePassword}. */
    void changePassword(UserId id, String oldPassword, String newPassword, SessionId keep) {
        UserRecord rec = support.records().require(id);
        support.policy().check(newPassword, rec.user().username(), rec.user().email());
        checks.requirePassword(rec, oldPassword);
        support.replacePassword(id, newPassword, keep);
        ctx.events().emit(Type.PASSWORD_CHANGED, id, null);
    }

    /** See {@link Accounts#adminSetPassword}. */
    void adminSetPassword(UserId id, String newPassword) {
        UserRecord rec = support.records().require(id);
        support.policy().check(newPassword, rec.user().username(), rec.user().email());
        support.replacePassword(id, newPassword, null);
        ctx.events().emit(Type.PASSWORD_CHANGED, id, null, Map.of("by", "admin"));
    }

    private User applyUsername(UserId id, Username name) {
        User u = support.records().modify(id, r -> {
            if (r.user().username().value().equals(name.value())) throw new UserKitException(ErrorCode.UNCHANGED);
            return r.next(r.user().withUsername(name, ctx.clock().instant()));
        }).user();
        ctx.events().emit(Type.USERNAME_CHANGED, id, null);
        return u;
    }
}
