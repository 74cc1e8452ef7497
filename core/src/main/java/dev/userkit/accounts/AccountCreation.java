package dev.userkit.accounts;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Email;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.JsonValues;
import dev.userkit.domain.LanguageTags;
import dev.userkit.domain.Phone;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Username;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.UserRecord;
import java.time.Instant;
import java.util.Map;

/**
 * Turns a {@link NewUser} into a stored user. Every way in (registration, bootstrap, import)
 * validates the input and inserts the same way, and the store's unique indexes, not a check
 * first, decide on a taken username, email or phone (REL-2). The two ways in that skip email
 * verification (bootstrap and import, A17) live here too.
 */
final class AccountCreation {
    private final UserKitContext ctx;
    private final ServiceHelpers support;

    AccountCreation(ServiceHelpers support) {
        this.ctx = support.ctx();
        this.support = support;
    }

    /**
     * A new, not yet stored user with a fresh id.
     *
     * @throws UserKitException INVALID_ARGUMENT (1010) for a null user, INVALID_USERNAME (900),
     *         INVALID_EMAIL (901), INVALID_PHONE (804), INVALID_METADATA (1009), INVALID_LOCALE (1016)
     */
    User newUser(NewUser u, UserStatus status) {
        if (u == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "User is required");
        Username name = Username.of(u.username(), ctx.config().usernameCaseSensitive());
        Email email = Email.of(u.email());
        Phone phone = u.phone() == null ? null : Phone.of(u.phone());
        Instant now = ctx.clock().instant();
        return User.builder().id(IdGenerator.userId()).username(name).email(email).phone(phone).profile(u.profile())
                .metadata(JsonValues.object(u.metadata())).admin(u.admin()).status(status).createdAt(now).updatedAt(now)
                .locale(LanguageTags.check(u.locale())).build();
    }

    /** Stores the record. @throws UserKitException USER_EXISTS (602) on any unique clash */
    void insert(UserRecord rec) {
        try {
            ctx.stores().users().insert(rec);
        } catch (DuplicateKeyException e) {
            throw new UserKitException(ErrorCode.USER_EXISTS);
        }
    }

    /** An ACTIVE user with this password at once (bootstrap); codes as {@link Accounts#register}. */
    UserId createActive(NewUser u) {
        User user = newUser(u, UserStatus.ACTIVE);
        support.policy().check(u.password(), user.username(), user.email());
        insert(UserRecord.created(user, ctx.hasher().hash(u.password())));
        ctx.events().emit(Type.USER_REGISTERED, user.id(), null);
        return user.id();
    }

    /** A user with a hash from another system (A17); codes as {@link Accounts#importUser}. */
    UserId importUser(NewUser u, String passwordHash, UserStatus status) {
        User user = newUser(u, status == null ? UserStatus.ACTIVE : status);
        if (!ctx.hasher().supports(passwordHash)) throw new UserKitException(ErrorCode.UNSUPPORTED_HASH);
        insert(UserRecord.created(user, passwordHash));
        ctx.events().emit(Type.USER_REGISTERED, user.id(), null, Map.of("imported", "true"));
        return user.id();
    }
}
