package dev.userkit.recovery;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.codes.OneTimeCodes;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Phone;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.delivery.MessageQueue;
import dev.userkit.passwords.PasswordPolicy;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.AttemptCount;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.UserRecord;
import dev.userkit.throttling.SendLimits;
import dev.userkit.users.UserRecords;
import java.util.Optional;

/** Forgot password by phone (C6, C7): the texted short code and the reset with it. */
final class PhoneReset {
    /** Counter kind for code guesses per submitted phone number. */
    private static final String PHONE_GUESSES = "phone-reset-guess";
    private final UserKitContext ctx;
    private final UserKitConfig config;
    private final PasswordPolicy policy;
    private final OneTimeCodes codes;
    private final MessageQueue messages;
    private final SendLimits sendLimits;
    private final ResetSteps steps;
    private final UserRecords records;

    PhoneReset(ServiceHelpers support, ResetSteps steps) {
        this.ctx = support.ctx();
        this.config = ctx.config();
        this.policy = support.policy();
        this.codes = support.codes();
        this.messages = support.messages();
        this.sendLimits = support.sendLimits();
        this.steps = steps;
        this.records = support.records();
    }

    /** See {@link Recovery#requestPasswordResetByPhone}. */
    void request(String phone, ClientContext client) {
        Phone p = phoneChannel(phone);
        send(p.value(), ctx.stores().users().findByPhone(p.value()).map(UserRecord::user), client);
    }

    /** See {@link Recovery#requestPasswordResetByPhoneFor}. */
    void requestFor(String identifier, ClientContext client) {
        requireTexts();
        Optional<User> found = withPhone(identifier);
        send(subject(found, identifier), found, client);
    }

    // a found owner's number is the subject of every count, so both routes share them
    private void send(String subject, Optional<User> found, ClientContext client) {
        if (!sendLimits.allow("sms", subject, client)) return;
        // a new code gets a new count of guesses, for a number without an account just the same
        ctx.limiter().reset(PHONE_GUESSES, subject);
        Optional<User> owner = found.filter(u -> steps.mayRecover(u, client));
        ctx.stores().unitOfWork().run(() -> {
            if (owner.isEmpty()) {
                // SEC-31: a number without an account costs the same store work, and its text is a decoy
                messages.decoy(MessageKind.PASSWORD_RESET_SMS, CodePurpose.PHONE_RESET, codes.issueDecoy(CodePurpose.PHONE_RESET), client);
            } else {
                String number = owner.get().phone().value();
                String code = codes.issueShort(owner.get().id(), CodePurpose.PHONE_RESET, number);
                messages.codeText(owner.get(), number, code, client);
            }
            return null;
        });
    }

    /** See {@link Recovery#resetPasswordByPhone}. */
    void reset(String phone, String code, String newPassword) {
        Phone p = phoneChannel(phone);
        policy.checkAlone(newPassword);
        Optional<UserId> holder = ctx.stores().users().findByPhone(p.value()).map(r -> r.user().id());
        consume(p.value(), holder, code, newPassword, ClientContext.NONE);
    }

    /** See {@link Recovery#resetPasswordByPhoneFor}. */
    void resetFor(String identifier, String code, String newPassword, ClientContext client) {
        requireTexts();
        policy.checkAlone(newPassword);
        Optional<User> found = withPhone(identifier);
        consume(subject(found, identifier), found.map(User::id), code, newPassword, client);
    }

    private void consume(String subject, Optional<UserId> found, String code, String newPassword, ClientContext client) {
        AttemptCount guesses = ctx.limiter().hit(PHONE_GUESSES, subject, config.codeTtl(CodePurpose.PHONE_RESET));
        if (guesses.count() > config.shortCodeMaxAttempts()) throw new UserKitException(ErrorCode.CODE_ATTEMPTS_EXHAUSTED);
        // an unknown number runs the same consumption against an id nobody has: same store work, same answer
        UserId holder = found.orElseGet(IdGenerator::userId);
        CodeRecord c;
        try {
            c = codes.consumeShort(holder, CodePurpose.PHONE_RESET, code);
        } catch (UserKitException wrong) {
            // only the holder of a real code can see it expire; every other refusal follows the
            // per-number count alone, even where the code's own count would have voided it sooner
            if (wrong.code() == ErrorCode.CODE_EXPIRED) throw wrong;
            if (guesses.count() < config.shortCodeMaxAttempts()) throw new UserKitException(ErrorCode.CODE_INVALID);
            ctx.stores().codes().deleteFor(holder, CodePurpose.PHONE_RESET);
            throw new UserKitException(ErrorCode.CODE_ATTEMPTS_EXHAUSTED);
        }
        User u = steps.owner(c, ResetSteps::phoneNumber, client);
        steps.checkContextOrRestore(c, u, newPassword);
        ctx.limiter().reset(PHONE_GUESSES, subject);
        steps.applyReset(u, newPassword, "phone");
    }

    // the user a sign-in identifier names (with the application's lookup, H2), if it has a phone
    private Optional<User> withPhone(String identifier) {
        return records.findByIdentifier(identifier).map(UserRecord::user).filter(u -> u.phone() != null);
    }

    // the owner's number, else the folded identifier (marked so that it never equals a number)
    private static String subject(Optional<User> found, String identifier) {
        return found.map(u -> u.phone().value()).orElseGet(() -> "name:" + ResetSteps.fold(identifier));
    }

    private void requireTexts() {
        if (!messages.canText()) throw new UserKitException(ErrorCode.PHONE_RESET_UNSUPPORTED);
    }

    private Phone phoneChannel(String phone) {
        requireTexts();
        return Phone.of(phone);
    }
}
