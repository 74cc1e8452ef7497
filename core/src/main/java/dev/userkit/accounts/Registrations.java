package dev.userkit.accounts;

import dev.userkit.spi.MessageKind;
import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.UserRecord;
import java.util.Map;

/**
 * Sign-up (A1-A3, A15): registration, the verification code that proves the email, and its
 * re-sending; and an administrator's creation of an account that is active at once, which is a
 * sign-up with {@code activateOnSignup} for that one account. These share the VERIFY_EMAIL code
 * and mail or the default role, so they live together and apart from the changes made to an
 * existing account.
 */
final class Registrations {
    private final UserKitContext ctx;
    private final UserKitConfig config;
    private final ServiceHelpers support;
    private final AccountCreation creation;
    private final AccountChecks checks;

    Registrations(ServiceHelpers support, AccountCreation creation, AccountChecks checks) {
        this.ctx = support.ctx();
        this.config = ctx.config();
        this.support = support;
        this.creation = creation;
        this.checks = checks;
    }

    /** See {@link Accounts#register}. */
    Registration register(NewUser u, ClientContext client) {
        boolean active = config.activateOnSignup();
        User user = creation.newUser(u, active ? UserStatus.ACTIVE : UserStatus.PENDING);
        String hash = checkedHash(u, user);
        String code = ctx.stores().unitOfWork().run(() -> {
            creation.insert(UserRecord.created(user, hash));
            if (active) {
                grantDefaultRole(user.id());
                return null;
            }
            return issueVerification(user, client);
        });
        ctx.events().emit(Type.USER_REGISTERED, user.id(), client);
        ctx.instrumentation().registered();
        return new Registration(user.id(), code);
    }

    /** See {@link Accounts#adminCreate}: as an activated sign-up, with no code and no mail. */
    User adminCreate(NewUser u) {
        User user = creation.newUser(u, UserStatus.ACTIVE);
        String hash = checkedHash(u, user);
        ctx.stores().unitOfWork().run(() -> {
            creation.insert(UserRecord.created(user, hash));
            grantDefaultRole(user.id());
            return null;
        });
        ctx.events().emit(Type.USER_REGISTERED, user.id(), null, Map.of("by", "admin"));
        ctx.instrumentation().registered();
        return user;
    }

    /** See {@link Accounts#verifyEmail}. */
    User verifyEmail(String code) {
        CodeRecord c = support.codes().consumeLink(code, CodePurpose.EMAIL_VERIFY);
        UserRecord current = ctx.stores().users().findById(c.userId()).orElseThrow(() -> new UserKitException(ErrorCode.CODE_INVALID));
        if (!current.user().email().key().equals(c.target())) throw new UserKitException(ErrorCode.CODE_INVALID);
        UserRecord done = support.records().modify(c.userId(), r -> r.user().status() != UserStatus.PENDING ? r
                : r.next(r.user().withStatus(UserStatus.ACTIVE, ctx.clock().instant())));
        ctx.events().emit(Type.EMAIL_VERIFIED, c.userId(), null);
        return done.user();
    }

    /** See {@link Accounts#resendVerification}. */
    String resendVerification(String usernameOrEmail, ClientContext client) {
        User user = support.records().find(usernameOrEmail).orElseThrow(() -> new UserKitException(ErrorCode.USER_NOT_FOUND)).user();
        if (user.status() != UserStatus.PENDING) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "The email is verified already");
        checks.requireSendAllowed("verify", user.email().key(), client);
        return ctx.stores().unitOfWork().run(() -> issueVerification(user, client));
    }

    /** The password checked against the policy (SEC-01..03) and hashed, before any write. */
    private String checkedHash(NewUser u, User user) {
        support.policy().check(u.password(), user.username(), user.email());
        return ctx.hasher().hash(u.password());
    }

    private void grantDefaultRole(UserId id) {
        if (config.defaultRole() == null) return;
        ctx.stores().roles().findByName(config.defaultRole()).ifPresent(r -> ctx.stores().roles().grant(id, r.role().id()));
    }

    // A15: the code and its mail in one unit of work; where a store has no transactions the code
    // comes first, so a fault in between leaves a code without its mail, and the user asks again
    private String issueVerification(User user, ClientContext client) {
        String code = support.codes().issueLink(user.id(), CodePurpose.EMAIL_VERIFY, user.email().key());
        support.messages().codeMail(MessageKind.VERIFY_EMAIL, CodePurpose.EMAIL_VERIFY, user, user.email().value(), code, client);
        return code;
    }
}
