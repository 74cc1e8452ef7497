package dev.userkit.assembly;

import dev.userkit.codes.OneTimeCodes;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.delivery.MessageQueue;
import dev.userkit.passwords.PasswordHasher;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.UserRecord;
import dev.userkit.passwords.PasswordPolicy;
import dev.userkit.throttling.LoginThrottle;
import dev.userkit.throttling.SendLimits;
import dev.userkit.users.SessionRevocation;
import dev.userkit.users.UserRecords;

/**
 * The helpers the services share (accounts, recovery and sessions), each built once per
 * {@link dev.userkit.UserKit} over one context and handed to every service that needs it.
 *
 * @param records user lookups and optimistic updates
 * @param policy the password policy
 * @param codes one-time codes
 * @param messages the outbox queue every mail and text message goes through
 * @param sendLimits send-rate limits
 * @param revocation session revocation
 * @param throttle login attempt counters
 * @param hasher password hashing
 * @param ctx the shared context
 */
public record ServiceHelpers(UserRecords records, PasswordPolicy policy, OneTimeCodes codes, MessageQueue messages,
                             SendLimits sendLimits, SessionRevocation revocation, LoginThrottle throttle,
                             PasswordHasher hasher, UserKitContext ctx) {

    /**
     * The helpers over this context.
     *
     * @param ctx the context of one {@link dev.userkit.UserKit}: stores, configuration, clock and senders
     * @param messages the queue the flows record their messages in
     * @return the helpers, each built once over {@code ctx}
     */
    public static ServiceHelpers of(UserKitContext ctx, MessageQueue messages) {
        UserRecords records = new UserRecords(ctx.stores().users(), ctx.config().usernameCaseSensitive(), ctx.userLookup());
        return new ServiceHelpers(records, new PasswordPolicy(ctx.config()),
                new OneTimeCodes(ctx.stores().codes(), ctx.stores().unitOfWork(), ctx.limiter(), ctx.config(), ctx.clock()),
                messages,
                new SendLimits(ctx.limiter(), ctx.config()), new SessionRevocation(ctx.stores().sessions(), records),
                new LoginThrottle(ctx.limiter(), ctx.config(), ctx.events(), user -> lockoutNotice(messages, user),
                        ctx.instrumentation()),
                ctx.hasher(), ctx);
    }

    // SEC-08: an identifier without an account queues a decoy, so its lockout costs the same store work
    private static void lockoutNotice(MessageQueue messages, User user) {
        if (user == null) {
            messages.decoy(MessageKind.ACCOUNT_LOCKED_NOTICE, null, null, null);
        } else {
            messages.notice(MessageKind.ACCOUNT_LOCKED_NOTICE, user, user.email().value(), null);
        }
    }

    /**
     * Stores a new password (already checked against the policy) and ends the user's sessions but
     * {@code keep} (null: all). The new hash and the raised security stamp are one write (SEC-27),
     * so when this returns no session issued against the old password validates, whatever logins
     * raced it. Order (REL-3): the hash is computed outside the unit of work, then the record is
     * written, then {@code keep} follows the new stamp and the other sessions are deleted; a fault
     * in between logs {@code keep} out too, never leaves an old session usable. The owner's
     * password-changed notice is queued in the same unit of work.
     *
     * @param id the user's id
     * @param newPassword the new password
     * @param keep the session to keep, or null
     */
    public void replacePassword(UserId id, String newPassword, SessionId keep) {
        String hash = hasher.hash(newPassword);
        ctx.stores().unitOfWork().run(() -> {
            UserRecord changed = records.modify(id, r -> r.nextWithHash(hash).endingSessions());
            revocation.afterStampRaised(changed, keep);
            messages.notice(MessageKind.PASSWORD_CHANGED_NOTICE, changed.user(), changed.user().email().value(), null);
            return null;
        });
    }
}
