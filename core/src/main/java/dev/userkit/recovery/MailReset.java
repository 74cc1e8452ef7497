package dev.userkit.recovery;

import dev.userkit.spi.MessageKind;
import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.codes.OneTimeCodes;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.mail.MailTemplates;
import dev.userkit.mail.Notifier;
import dev.userkit.passwords.PasswordPolicy;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.UserRecord;
import dev.userkit.throttling.SendLimits;
import java.util.Locale;
import java.util.Optional;

/** Forgot password by mail (C2-C4): the request, the reset with the mailed code, and the reset to a generated password. */
final class MailReset {
    private final UserKitConfig config;
    private final ServiceHelpers support;
    private final PasswordPolicy policy;
    private final OneTimeCodes codes;
    private final Notifier notifier;
    private final SendLimits sendLimits;
    private final ResetSteps steps;

    MailReset(ServiceHelpers support, ResetSteps steps) {
        this.config = support.ctx().config();
        this.support = support;
        this.policy = support.policy();
        this.codes = support.codes();
        this.notifier = support.notifier();
        this.sendLimits = support.sendLimits();
        this.steps = steps;
    }

    /** See {@link Recovery#requestPasswordReset}. */
    void request(String usernameOrEmail, ClientContext client) {
        if (!config.resetByEmail() || !notifier.canMail()) throw new UserKitException(ErrorCode.EMAIL_RESET_UNSUPPORTED);
        Optional<User> found = support.records().findByIdentifier(usernameOrEmail).map(UserRecord::user);
        // one counter per mailbox: asking by username and by email of one account share it
        String destination = found.map(u -> u.email().key()).orElseGet(() -> fold(usernameOrEmail));
        if (!sendLimits.allow("reset", destination, client)) return;
        Optional<User> owner = found.filter(u -> u.status() != UserStatus.DISABLED);
        // SEC-31: without an owner the same work is done, on a decoy code, and only the mail is left out
        String code = owner.map(u -> codes.issueLink(u.id(), CodePurpose.PASSWORD_RESET, u.email().key()))
                .orElseGet(() -> codes.issueDecoy(CodePurpose.PASSWORD_RESET));
        String link = notifier.link(CodePurpose.PASSWORD_RESET, code);
        if (owner.isPresent()) {
            User u = owner.get();
            notifier.mail(MessageKind.PASSWORD_RESET, u.email().value(), to -> MailTemplates.passwordReset(to, u.username().value(), link));
            return;
        }
        notifier.rehearse(MessageKind.PASSWORD_RESET, destination, to -> MailTemplates.passwordReset(to, destination, link));
        if (found.isEmpty() && config.unknownAddressNotice()) {
            ResetSteps.validEmail(usernameOrEmail).ifPresent(e ->
                    notifier.mail(MessageKind.UNKNOWN_ADDRESS_NOTICE, e.value(), MailTemplates::unknownAddressNotice));
        }
    }

    /** See {@link Recovery#resetPassword}. */
    void reset(String code, String newPassword) {
        policy.checkAlone(newPassword);
        CodeRecord c = codes.consumeLink(code, CodePurpose.PASSWORD_RESET);
        User u = steps.owner(c, ResetSteps::emailKey);
        steps.checkContextOrRestore(c, u, newPassword);
        steps.applyReset(u, newPassword, "email");
    }

    /** See {@link Recovery#resetToGeneratedPassword}. */
    GeneratedPassword resetToGenerated(String code) {
        CodeRecord c = codes.consumeLink(code, CodePurpose.PASSWORD_RESET);
        User u = steps.owner(c, ResetSteps::emailKey);
        String password = policy.generate();
        steps.applyReset(u, password, "generated");
        return new GeneratedPassword(u.username().value(), password);
    }

    // the send-limit subject for whatever was typed: same for "Alice" and "alice", never stored raw
    private static String fold(String identifier) {
        return identifier == null ? "" : identifier.strip().toLowerCase(Locale.ROOT);
    }
}
