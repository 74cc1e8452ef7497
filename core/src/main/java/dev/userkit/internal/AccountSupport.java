package dev.userkit.internal;

import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;

/**
 * The helpers the account and recovery services share, built once per service over one context.
 *
 * @param records user lookups and optimistic updates
 * @param policy the password policy
 * @param codes one-time codes
 * @param notifier mail and SMS
 * @param sendLimits send-rate limits
 * @param revocation session revocation
 * @param hasher password hashing
 * @param ctx the shared context
 */
public record AccountSupport(UserRecords records, PasswordPolicy policy, OneTimeCodes codes, Notifier notifier,
                             SendLimits sendLimits, SessionRevocation revocation, PasswordHasher hasher, UserKitContext ctx) {

    /** The helpers over this context. */
    public static AccountSupport of(UserKitContext ctx) {
        return new AccountSupport(new UserRecords(ctx.stores().users(), ctx.config().usernameCaseSensitive()),
                new PasswordPolicy(ctx.config()), new OneTimeCodes(ctx), new Notifier(ctx), new SendLimits(ctx),
                new SessionRevocation(ctx.stores().sessions()), ctx.hasher(), ctx);
    }

    /**
     * Stores a new password (already checked against the policy) and ends the user's sessions but
     * {@code keep} (null: all). Order (REL-3): the hash is computed outside the unit of work, then
     * the new hash is written, then the sessions go, so a fault between leaves the old sessions of
     * a user whose password is already new, never a changed password with a usable old one.
     */
    public void replacePassword(UserId id, String newPassword, SessionId keep) {
        String hash = hasher.hash(newPassword);
        ctx.stores().unitOfWork().run(() -> {
            records.modify(id, r -> r.nextWithHash(hash));
            return revocation.allBut(id, keep);
        });
    }
}
