package dev.userkit.recovery;

import dev.userkit.spi.MessageKind;
import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Email;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.mail.MailTemplates;
import dev.userkit.mail.Notifier;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.UserRecord;
import dev.userkit.throttling.SendLimits;
import java.util.Optional;

/** Forgot username (C5): the reminder mailed to an address an account uses. */
final class UsernameReminder {
    private final UserKitContext ctx;
    private final Notifier notifier;
    private final SendLimits sendLimits;

    UsernameReminder(ServiceHelpers support) {
        this.ctx = support.ctx();
        this.notifier = support.notifier();
        this.sendLimits = support.sendLimits();
    }

    /** See {@link Recovery#requestUsernameReminder}. */
    void request(String email, ClientContext client) {
        if (!notifier.canMail()) throw new UserKitException(ErrorCode.EMAIL_RESET_UNSUPPORTED);
        Optional<Email> address = ResetSteps.validEmail(email);
        if (address.isEmpty() || !sendLimits.allow("reminder", address.get().key(), client)) return;
        Optional<User> owner = ctx.stores().users().findByEmailKey(address.get().key()).map(UserRecord::user)
                .filter(u -> u.status() != UserStatus.DISABLED);
        if (owner.isPresent()) {
            User u = owner.get();
            notifier.mail(MessageKind.USERNAME_REMINDER, u.email().value(), to -> MailTemplates.usernameReminder(to, u.username().value()));
        } else {
            // SEC-31: the rendering of a real reminder, without the mail
            notifier.rehearse(MessageKind.USERNAME_REMINDER, address.get().value(),
                    to -> MailTemplates.usernameReminder(to, address.get().value()));
        }
    }
}
