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
import dev.userkit.domain.UserStatus;
import dev.userkit.delivery.MessageQueue;
import dev.userkit.passwords.PasswordPolicy;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.AttemptCount;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.UserRecord;
import dev.userkit.throttling.SendLimits;
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

    PhoneReset(ServiceHelpers support, ResetSteps steps) {
        this.ctx = support.ctx();
        this.config = ctx.config();
        this.policy = support.policy();
        this.codes = support.codes();
        this.messages = support.messages();
        this.sendLimits = support.sendLimits();
        this.steps = steps;
    }

    /** See {@link Recovery#requestPasswordResetByPhone}. */
    void request(String phone, ClientContext client) {
        Phone p = phoneChannel(phone);
        if (!sendLimits.allow("sms", p.value(), client)) return;
        // a new code gets a new count of guesses, for a number without an account just the same
        ctx.limiter().reset(PHONE_GUESSES, p.value());
        Optional<User> owner = ctx.stores().users().findByPhone(p.value()).map(UserRecord::user)
                .filter(u -> u.status() != UserStatus.DISABLED);
        ctx.stores().unitOfWork().run(() -> {
            if (owner.isEmpty()) {
                // SEC-31: a number without an account costs the same store work, and its text is a decoy
                messages.decoy(MessageKind.PASSWORD_RESET_SMS, CodePurpose.PHONE_RESET, codes.issueDecoy(CodePurpose.PHONE_RESET), client);
            } else {
                String code = codes.issueShort(owner.get().id(), CodePurpose.PHONE_RESET, p.value());
                messages.codeText(owner.get(), p.value(), code, client);
            }
            return null;
        });
    }

    /** See {@link Recovery#resetPasswordByPhone}. */
    void reset(String phone, String code, String newPassword) {
        Phone p = phoneChannel(phone);
        policy.checkAlone(newPassword);
        AttemptCount guesses = ctx.limiter().hit(PHONE_GUESSES, p.value(), config.codeTtl(CodePurpose.PHONE_RESET));
        if (guesses.count() > config.shortCodeMaxAttempts()) throw new UserKitException(ErrorCode.CODE_ATTEMPTS_EXHAUSTED);
        // an unknown number runs the same consumption against an id nobody has: same store work, same answer
        UserId holder = ctx.stores().users().findByPhone(p.value()).map(r -> r.user().id()).orElseGet(IdGenerator::userId);
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
        User u = steps.owner(c, ResetSteps::phoneNumber);
        steps.checkContextOrRestore(c, u, newPassword);
        ctx.limiter().reset(PHONE_GUESSES, p.value());
        steps.applyReset(u, newPassword, "phone");
    }

    private Phone phoneChannel(String phone) {
        if (!messages.canText()) throw new UserKitException(ErrorCode.PHONE_RESET_UNSUPPORTED);
        return Phone.of(phone);
    }
}
