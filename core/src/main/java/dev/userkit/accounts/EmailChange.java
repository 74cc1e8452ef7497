package dev.userkit.accounts;

import dev.userkit.spi.MessageKind;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.Email;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.UserRecord;

/**
 * The two-step email change (A8, SEC-15): unlike the other account changes it is not applied at
 * once but only when a code sent to the new address comes back, which proves the user owns it.
 */
final class EmailChange {
    private final UserKitContext ctx;
    private final ServiceHelpers support;
    private final AccountChecks checks;

    EmailChange(ServiceHelpers support, AccountChecks checks) {
        this.ctx = support.ctx();
        this.support = support;
        this.checks = checks;
    }

    /** See {@link Accounts#requestEmailChange}. */
    String request(UserId id, String password, String newEmail) {
        Email email = Email.of(newEmail);
        UserRecord rec = support.records().require(id);
        if (rec.user().email().key().equals(email.key())) throw new UserKitException(ErrorCode.UNCHANGED);
        checks.requirePassword(rec, password);
        // a courtesy answer only: the store's unique index decides at confirmation
        if (ctx.stores().users().findByEmailKey(email.key()).isPresent()) throw new UserKitException(ErrorCode.USER_EXISTS);
        checks.requireSendAllowed("email-change", email.key(), null);
        User user = rec.user();
        // the code to the new address and the notice to the old one, recorded with the code (A8, A15)
        return ctx.stores().unitOfWork().run(() -> {
            String code = support.codes().issueLink(id, CodePurpose.EMAIL_CHANGE, email.value());
            support.messages().codeMail(MessageKind.CHANGE_EMAIL, CodePurpose.EMAIL_CHANGE, user, email.value(), code, null);
            support.messages().notice(MessageKind.EMAIL_CHANGE_NOTICE, user, user.email().value(), null);
            return code;
        });
    }

    /** See {@link Accounts#confirmEmailChange}. */
    User confirm(String code) {
        CodeRecord c = support.codes().consumeLink(code, CodePurpose.EMAIL_CHANGE);
        Email email = Email.of(c.target());
        if (ctx.stores().users().findById(c.userId()).isEmpty()) throw new UserKitException(ErrorCode.CODE_INVALID);
        User u = support.records().modify(c.userId(), r -> r.next(r.user().withEmail(email, ctx.clock().instant()))).user();
        ctx.events().emit(Type.EMAIL_CHANGED, u.id(), null);
        return u;
    }
}
