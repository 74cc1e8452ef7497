package dev.userkit.accounts;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.JsonValues;
import dev.userkit.domain.LanguageTags;
import dev.userkit.domain.Profile;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.spi.UserRecord;
import dev.userkit.throttling.LoginThrottle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;

/**
 * The direct edits of an account that need no proof from the user (A9, A11, A12, M3): profile,
 * metadata, language, status and the admin flag, each one optimistic read-modify-write of the user record.
 */
final class AccountUpdates {
    private final UserKitContext ctx;
    private final ServiceHelpers support;
    private final LoginThrottle throttle;

    AccountUpdates(ServiceHelpers support) {
        this.ctx = support.ctx();
        this.support = support;
        this.throttle = support.throttle();
    }

    /** See {@link Accounts#updateProfile}. */
    User updateProfile(UserId id, Profile profile) {
        return support.records().modify(id, r -> r.next(r.user().withProfile(profile, now()))).user();
    }

    /** See {@link Accounts#replaceMetadata}. */
    User replaceMetadata(UserId id, Map<String, Object> metadata) {
        Map<String, Object> valid = JsonValues.object(metadata);
        return support.records().modify(id, r -> r.next(r.user().withMetadata(valid, now()))).user();
    }

    /** See {@link Accounts#setMetadataField}. */
    User setMetadataField(UserId id, String field, Object value) {
        JsonValues.fieldName(field);
        Object valid = JsonValues.value(value);
        return support.records().modify(id, r -> {
            Map<String, Object> m = new LinkedHashMap<>(r.user().metadata());
            if (valid == null) m.remove(field);
            else m.put(field, valid);
            return r.next(r.user().withMetadata(m, now()));
        }).user();
    }

    /** See {@link Accounts#updateLocale}. */
    User updateLocale(UserId id, Locale locale) {
        Locale valid = LanguageTags.check(locale);
        return support.records().modify(id, r -> Objects.equals(r.user().locale(), valid) ? r
                : r.next(r.user().withLocale(valid, now()))).user();
    }

    /** See {@link Accounts#setStatus}. */
    User setStatus(UserId id, UserStatus status) {
        if (status == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Status is required");
        // disabling raises the security stamp in the same write (SEC-27): a later re-activation
        // does not bring back a session that a login racing the deactivation managed to insert
        User u = ctx.stores().unitOfWork().run(() -> {
            UserRecord changed = support.records().modify(id, r -> r.user().status() == status ? r
                    : status == UserStatus.DISABLED ? r.next(r.user().withStatus(status, now())).endingSessions()
                    : r.next(r.user().withStatus(status, now())));
            if (status == UserStatus.DISABLED) support.revocation().deleteAll(id);
            return changed.user();
        });
        ctx.events().emit(Type.USER_STATUS_CHANGED, id, null, Map.of("status", status.name()));
        return u;
    }

    /** See {@link Accounts#unlock}. */
    void unlock(UserId id) {
        throttle.unlock(support.records().require(id).user());
        ctx.events().emit(Type.UNLOCKED, id, null);
    }

    /** See {@link Accounts#lockedUntil}. */
    Optional<Instant> lockedUntil(UserId id) {
        return throttle.lockedUntil(support.records().require(id).user());
    }

    /** See {@link Accounts#setAdmin}. */
    User setAdmin(UserId id, boolean admin) {
        User u = support.records().modify(id, r -> r.user().admin() == admin ? r : r.next(r.user().withAdmin(admin, now()))).user();
        ctx.events().emit(Type.ROLE_CHANGED, id, null, Map.of("admin", Boolean.toString(admin)));
        return u;
    }

    private Instant now() {
        return ctx.clock().instant();
    }
}
