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
import dev.userkit.delivery.MessageQueue;
import dev.userkit.spi.UserRecord;
import dev.userkit.throttling.SendLimits;
import java.util.Optional;

/** Forgot username (C5): the reminder mailed to an address an account uses. */
final class UsernameReminder {
    private final UserKitContext ctx;
    private final MessageQueue messages;
    private final SendLimits sendLimits;

    UsernameReminder(ServiceHelpers support) {
        this.ctx = support.ctx();
        this.messages = support.messages();
        this.sendLimits = support.sendLimits();
    }

    /** See {@link Recovery#requestUsernameReminder}. */
    void request(String email, ClientContext client) {
        if (!messages.canMail()) throw new UserKitException(ErrorCode.EMAIL_RESET_UNSUPPORTED);
        Optional<Email> address = ResetSteps.validEmail(email);
        if (address.isEmpty() || !sendLimits.allow("reminder", address.get().key(), client)) return;
        Optional<User> owner = ctx.stores().users().findByEmailKey(address.get().key()).map(UserRecord::user)
                .filter(u -> u.status() != UserStatus.DISABLED);
        if (owner.isPresent()) {
            User u = owner.get();
            messages.notice(MessageKind.USERNAME_REMINDER, u, u.email().value(), client);
        } else {
            // SEC-31: the store work of a real reminder, on a decoy the sender drops
            messages.decoy(MessageKind.USERNAME_REMINDER, null, null, client);
        }
    }
}
