package dev.userkit.accounts;

import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.internal.SessionRevocation;
import dev.userkit.internal.UserKitContext;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;

/**
 * Deletes an account and everything that hangs off it (A10, A16, REL-7), in the order that keeps
 * a store without transactions safe if it fails between steps (REL-3): first the user is
 * DISABLED (so nothing of it validates any more), then its sessions, codes, grants and devices go,
 * and the user record last. A retry after a fault finishes the job.
 */
final class AccountRemoval {
    private final UserKitContext ctx;
    private final SessionRevocation revocation;

    AccountRemoval(UserKitContext ctx, SessionRevocation revocation) {
        this.ctx = ctx;
        this.revocation = revocation;
    }

    /**
     * Removes the account if the stored record is still exactly {@code seen} (same version);
     * false, changing nothing, if it changed meanwhile (for example was verified during a purge).
     */
    boolean removeIfUnchanged(UserRecord seen) {
        Stores s = ctx.stores();
        return s.unitOfWork().run(() -> {
            UserRecord disabled = seen.user().status() == UserStatus.DISABLED ? null
                    : seen.next(seen.user().withStatus(UserStatus.DISABLED, ctx.clock().instant()));
            if (disabled != null && !s.users().update(disabled)) return false;
            removeDependents(seen.user().id());
            return s.users().delete(seen.user().id());
        });
    }

    private void removeDependents(UserId id) {
        Stores s = ctx.stores();
        revocation.all(id);
        s.codes().deleteAllFor(id);
        s.roles().revokeAll(id);
        s.devices().deleteAllFor(id);
    }
}
