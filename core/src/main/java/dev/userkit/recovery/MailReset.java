package dev.userkit.recovery;

import dev.userkit.spi.MessageKind;
import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.codes.OneTimeCodes;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.Email;
import dev.userkit.domain.User;
import dev.userkit.delivery.MessageQueue;
import dev.userkit.passwords.PasswordPolicy;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.UserRecord;
import dev.userkit.throttling.SendLimits;
import java.util.Optional;

/** Forgot password by mail (C2-C4): the request, the reset with the mailed code, and the reset to a generated password. */
final class MailReset {
    private final UserKitConfig config;
    private final ServiceHelpers support;
    private final PasswordPolicy policy;
    private final OneTimeCodes codes;
    private final MessageQueue messages;
    private final SendLimits sendLimits;
    private final ResetSteps steps;

    MailReset(ServiceHelpers support, ResetSteps steps) {
        this.config = support.ctx().config();
        this.support = support;
        this.policy = support.policy();
        this.codes = support.codes();
        this.messages = support.messages();
        this.sendLimits = support.sendLimits();
        this.steps = steps;
    }

    /** See {@link Recovery#requestPasswordReset}. */
    void request(String usernameOrEmail, ClientContext client) {
        if (!config.resetByEmail() || !messages.canMail()) throw new UserKitException(ErrorCode.EMAIL_RESET_UNSUPPORTED);
        Optional<User> found = support.records().findByIdentifier(usernameOrEmail).map(UserRecord::user);
        // one counter per mailbox: asking by username and by email of one account share it
        String destination = found.map(u -> u.email().key()).orElseGet(() -> ResetSteps.fold(usernameOrEmail));
        if (!sendLimits.allow("reset", destination, client)) return;
        Optional<User> owner = found.filter(u -> steps.mayRecover(u, client));
        support.ctx().stores().unitOfWork().run(() -> {
            if (owner.isPresent()) {
                User u = owner.get();
                String code = codes.issueLink(u.id(), CodePurpose.PASSWORD_RESET, u.email().key());
                messages.codeMail(MessageKind.PASSWORD_RESET, CodePurpose.PASSWORD_RESET, u, u.email().value(), code, client);
                return null;
            }
            // SEC-10, SEC-31: without an owner the same store work, on a decoy code and a decoy message
            String decoy = codes.issueDecoy(CodePurpose.PASSWORD_RESET);
            Optional<Email> notified = found.isEmpty() && config.unknownAddressNotice()
                    ? ResetSteps.validEmail(usernameOrEmail) : Optional.empty();
            if (notified.isPresent()) {
                messages.unknownAddressNotice(notified.get().value(), client);
            } else {
                messages.decoy(MessageKind.PASSWORD_RESET, CodePurpose.PASSWORD_RESET, decoy, client);
            }
            return null;
        });
    }

    /** See {@link Recovery#resetPassword}. */
    void reset(String code, String newPassword) {
        policy.checkAlone(newPassword);
        CodeRecord c = codes.consumeLink(code, CodePurpose.PASSWORD_RESET);
        User u = steps.owner(c, ResetSteps::emailKey, ClientContext.NONE);
        steps.checkContextOrRestore(c, u, newPassword);
        steps.applyReset(u, newPassword, "email");
    }

    /** See {@link Recovery#resetToGeneratedPassword}. */
    GeneratedPassword resetToGenerated(String code) {
        CodeRecord c = codes.consumeLink(code, CodePurpose.PASSWORD_RESET);
        User u = steps.owner(c, ResetSteps::emailKey, ClientContext.NONE);
        String password = policy.generate();
        steps.applyReset(u, password, "generated");
        return new GeneratedPassword(u.username().value(), password);
    }
}
