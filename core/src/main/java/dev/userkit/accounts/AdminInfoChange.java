package dev.userkit.accounts;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Email;
import dev.userkit.domain.Phone;
import dev.userkit.domain.Profile;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.spi.MessageKind;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An administrator's change of a user's profile, email and phone (A19, umpack's
 * {@code PUT /users/{id}/info}): no password and no code, because the administrator vouches for the
 * new address. The record is written once, so a taken email or phone (602) changes nothing; the old
 * address is told in the same unit of work, and the change is audited after it.
 */
final class AdminInfoChange {
    private final UserKitContext ctx;
    private final ServiceHelpers support;

    AdminInfoChange(ServiceHelpers support) {
        this.ctx = support.ctx();
        this.support = support;
    }

    /** See {@link Accounts#adminUpdateInfo}. */
    User apply(UserId id, Profile profile, String email, String phone) {
        if (profile == null && email == null && phone == null) throw new UserKitException(ErrorCode.UNCHANGED);
        // every value is checked before the record is read, so a bad one costs no store work
        Email newEmail = email == null ? null : Email.of(email);
        Phone newPhone = phone == null || phone.isEmpty() ? null : Phone.of(phone);
        Change change = ctx.stores().unitOfWork().run(() -> {
            User before = support.records().require(id).user();
            User after = support.records().modify(id, r -> {
                User u = r.user();
                Instant now = ctx.clock().instant();
                User next = u;
                if (profile != null && !profile.equals(u.profile())) next = next.withProfile(profile, now);
                if (newEmail != null && !newEmail.key().equals(u.email().key())) next = next.withEmail(newEmail, now);
                if (phone != null && !Objects.equals(newPhone, u.phone())) next = next.withPhone(newPhone, now);
                return next == u ? r : r.next(next);
            }).user();
            Change c = new Change(before, after);
            if (c.emailChanged()) support.messages().notice(MessageKind.EMAIL_CHANGE_NOTICE, before, before.email().value(), null);
            return c;
        });
        if (change.emailChanged()) ctx.events().emit(Type.EMAIL_CHANGED, id, null, Map.of("by", "admin"));
        if (!Objects.equals(change.before().phone(), change.after().phone())) {
            ctx.events().emit(Type.PHONE_CHANGED, id, null, Map.of("by", "admin"));
        }
        return change.after();
    }

    private record Change(User before, User after) {
        boolean emailChanged() {
            return !before.email().key().equals(after.email().key());
        }
    }
}
