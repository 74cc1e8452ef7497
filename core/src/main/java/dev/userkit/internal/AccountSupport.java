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

    /**
     * The helpers over this context.
     *
     * @param ctx the stores, configuration, clock and hooks shared by the services
     * @return the helpers
     */
    public static AccountSupport of(UserKitContext ctx) {
        UserRecords records = new UserRecords(ctx.stores().users(), ctx.config().usernameCaseSensitive());
        return new AccountSupport(records, new PasswordPolicy(ctx.config()), new OneTimeCodes(ctx), new Notifier(ctx),
                new SendLimits(ctx), new SessionRevocation(ctx.stores().sessions(), records), ctx.hasher(), ctx);
    }

    /**
     * Stores a new password (already checked against the policy) and ends the user's sessions but
     * {@code keep} (null: all). The new hash and the raised security stamp are one write (SEC-27),
     * so when this returns no session issued against the old password validates, whatever logins
     * raced it. Order (REL-3): the hash is computed outside the unit of work, then the record is
     * written, then {@code keep} follows the new stamp and the other sessions are deleted; a fault
     * in between logs {@code keep} out too, never leaves an old session usable.
     *
     * @param id the user's id
     * @param newPassword the new password
     * @param keep the session to keep, or null
     */
    public void replacePassword(UserId id, String newPassword, SessionId keep) {
        String hash = hasher.hash(newPassword);
        ctx.stores().unitOfWork().run(() ->
                revocation.afterStampRaised(records.modify(id, r -> r.nextWithHash(hash).endingSessions()), keep));
    }
}
