package dev.userkit.accounts;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;
import dev.userkit.users.SessionRevocation;
import dev.userkit.users.UserRecords;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Deletes an account and everything that hangs off it (A10, A16, REL-7), in the order that keeps
 * a store without transactions safe if it fails between steps (REL-3): first the user is
 * DISABLED (so nothing of it validates any more), then its sessions, codes, grants and devices go,
 * and the user record last. A retry after a fault finishes the job.
 */
final class AccountRemoval {
    private static final int PURGE_BATCH = 200;
    private final UserKitContext ctx;
    private final UserRecords records;
    private final SessionRevocation revocation;

    AccountRemoval(UserKitContext ctx, UserRecords records, SessionRevocation revocation) {
        this.ctx = ctx;
        this.records = records;
        this.revocation = revocation;
    }

    /** See {@link Accounts#delete(UserId)}. */
    void delete(UserId id) {
        for (int i = 0; i < 5; i++) {
            if (removeIfUnchanged(records.require(id))) {
                ctx.events().emit(Type.USER_DELETED, id, null);
                return;
            }
        }
        throw new UserKitException(ErrorCode.CONCURRENT_UPDATE);
    }

    /** See {@link Accounts#delete(String)}. */
    void delete(String usernameOrEmail) {
        delete(records.find(usernameOrEmail).orElseThrow(() -> new UserKitException(ErrorCode.USER_NOT_FOUND)).user().id());
    }

    /** See {@link Accounts#purgeUnverified}. */
    int purgeUnverified() {
        int total = 0;
        int removed;
        // a page without progress would come back unchanged: stop rather than spin
        do {
            removed = purgeUnverifiedBatch(ctx.clock().instant(), PURGE_BATCH);
            total += removed;
        } while (removed > 0);
        return total;
    }

    /**
     * Removes the accounts among the next {@code limit} still PENDING since before {@code now} minus
     * the pending TTL; returns how many were removed (fewer when some were verified meanwhile).
     */
    int purgeUnverifiedBatch(Instant now, int limit) {
        Instant cutoff = now.minus(ctx.config().pendingAccountTtl());
        int removed = 0;
        for (UserId id : ctx.stores().users().findPendingCreatedBefore(cutoff, limit)) {
            Optional<UserRecord> r = ctx.stores().users().findById(id);
            if (r.isPresent() && r.get().user().status() == UserStatus.PENDING && removeIfUnchanged(r.get())) {
                ctx.events().emit(Type.USER_DELETED, id, null, Map.of("reason", "unverified"));
                removed++;
            }
        }
        return removed;
    }

    /**
     * Removes the account if the stored record is still exactly {@code seen} (same version);
     * false, changing nothing, if it changed meanwhile (for example was verified during a purge).
     */
    private boolean removeIfUnchanged(UserRecord seen) {
        Stores s = ctx.stores();
        return s.unitOfWork().run(() -> {
            UserRecord disabled = seen.user().status() == UserStatus.DISABLED ? null
                    : seen.next(seen.user().withStatus(UserStatus.DISABLED, ctx.clock().instant())).endingSessions();
            if (disabled != null && !s.users().update(disabled)) return false;
            removeDependents(seen.user().id());
            return s.users().delete(seen.user().id());
        });
    }

    private void removeDependents(UserId id) {
        Stores s = ctx.stores();
        revocation.deleteAll(id);
        s.codes().deleteAllFor(id);
        s.roles().revokeAll(id);
        s.devices().deleteAllFor(id);
    }
}
