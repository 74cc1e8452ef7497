package dev.userkit.recovery;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.Email;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.hooks.LoginCheck;
import dev.userkit.hooks.ResetChannel;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.UserRecord;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The steps every password reset shares, by mail or by phone: the consumed code's owner, the
 * context check that puts the code back when the new password is refused, and the reset itself
 * (new password, sessions ended, lock lifted, mailbox verified, audit event).
 */
final class ResetSteps {
    private final UserKitContext ctx;
    private final ServiceHelpers support;

    ResetSteps(ServiceHelpers support) {
        this.ctx = support.ctx();
        this.support = support;
    }

    // The code's owner, if the code is still bound to the owner's current address and the owner may
    // reset: a user the login checks refuse gets their refusal (H2), and the code back, as for a weak password.
    User owner(CodeRecord c, Function<User, String> boundAddress, ClientContext client) {
        Optional<User> u = ctx.stores().users().findById(c.userId()).map(UserRecord::user);
        if (u.isEmpty() || u.get().status() == UserStatus.DISABLED || !Objects.equals(c.target(), boundAddress.apply(u.get()))) {
            throw new UserKitException(ErrorCode.CODE_INVALID);
        }
        try {
            runLoginChecks(u.get(), client);
        } catch (UserKitException refused) {
            support.codes().restore(c);
            throw refused;
        }
        return u.get();
    }

    // H2: whoever may not log in may not recover either; the request then answers as for nobody,
    // so that the refusal does not tell an existing account from a missing one
    boolean mayRecover(User u, ClientContext client) {
        if (u.status() == UserStatus.DISABLED) return false;
        try {
            runLoginChecks(u, client);
            return true;
        } catch (UserKitException refused) {
            return false;
        }
    }

    private void runLoginChecks(User u, ClientContext client) {
        for (LoginCheck check : ctx.loginChecks()) check.check(u, client == null ? ClientContext.NONE : client);
    }

    // the send-limit subject for whatever was typed: same for "Alice" and "alice", never stored raw
    static String fold(String identifier) {
        return identifier == null ? "" : identifier.strip().toLowerCase(Locale.ROOT);
    }

    static String emailKey(User u) {
        return u.email().key();
    }

    static String phoneNumber(User u) {
        return u.phone() == null ? null : u.phone().value();
    }

    // a weak password must not cost the user the code: the rejected call changes nothing
    void checkContextOrRestore(CodeRecord c, User u, String newPassword) {
        try {
            support.policy().checkContext(newPassword, u.username(), u.email());
        } catch (UserKitException weak) {
            support.codes().restore(c);
            throw weak;
        }
    }

    void applyReset(User u, String newPassword, String channel) {
        support.replacePassword(u.id(), newPassword, null);
        if (!"phone".equals(channel)) verifyMailbox(u);
        // SEC-09: a locked owner who proved the mailbox or phone may log in with the new password at once
        support.throttle().unlock(u);
        ctx.events().emit(Type.PASSWORD_RESET, u.id(), null, Map.of("channel", channel));
        ctx.instrumentation().resetCompleted("phone".equals(channel) ? ResetChannel.SMS : ResetChannel.EMAIL);
    }

    // A reset by mail proves control of the mailbox, which is all email verification proves (A3):
    // a PENDING owner becomes ACTIVE instead of being told 601 with the password it just chose.
    private void verifyMailbox(User u) {
        if (u.status() != UserStatus.PENDING) return;
        support.records().modify(u.id(), r -> r.user().status() != UserStatus.PENDING ? r
                : r.next(r.user().withStatus(UserStatus.ACTIVE, ctx.clock().instant())));
        ctx.stores().codes().deleteFor(u.id(), CodePurpose.EMAIL_VERIFY);
        ctx.events().emit(Type.EMAIL_VERIFIED, u.id(), null, Map.of("channel", "password-reset"));
    }

    /** The typed text as an email, or empty when it is none. */
    static Optional<Email> validEmail(String text) {
        try {
            return Email.looksLikeEmail(text) ? Optional.of(Email.of(text)) : Optional.empty();
        } catch (UserKitException malformed) {
            return Optional.empty();
        }
    }
}
