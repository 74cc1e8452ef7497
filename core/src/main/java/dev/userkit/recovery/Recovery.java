package dev.userkit.recovery;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.Email;
import dev.userkit.domain.Phone;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.internal.AccountSupport;
import dev.userkit.internal.IdGenerator;
import dev.userkit.internal.LoginThrottle;
import dev.userkit.internal.MailTemplates;
import dev.userkit.internal.Notifier;
import dev.userkit.internal.OneTimeCodes;
import dev.userkit.internal.PasswordPolicy;
import dev.userkit.internal.SendLimits;
import dev.userkit.internal.UserKitContext;
import dev.userkit.spi.AttemptCount;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.UserRecord;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Forgot password and username, resets by email and phone (C1-C7). Requests answer the same
 * whether or not an account exists (SEC-10) and are send-rate limited per address and per client
 * behind that same answer (SEC-25). Resets work even while login is throttled (SEC-09) and lift
 * that lock for the account's username and email, and end every session of the user (SEC-19).
 * A reset by mail also verifies a PENDING owner's email (it proves the mailbox, as A3 does).
 */
public final class Recovery {
    /** Counter kind for code guesses per submitted phone number. */
    private static final String PHONE_GUESSES = "phone-reset-guess";
    private final UserKitContext ctx;
    private final UserKitConfig config;
    private final AccountSupport support;
    private final PasswordPolicy policy;
    private final OneTimeCodes codes;
    private final Notifier notifier;
    private final SendLimits sendLimits;
    private final LoginThrottle throttle;

    /**
     * Built by {@link dev.userkit.UserKit} or Guice.
     *
     * @param ctx the stores, configuration, clock and hooks shared by the services
     */
    @Inject
    public Recovery(UserKitContext ctx) {
        this.ctx = ctx;
        this.config = ctx.config();
        this.support = AccountSupport.of(ctx);
        this.policy = support.policy();
        this.codes = support.codes();
        this.notifier = support.notifier();
        this.sendLimits = support.sendLimits();
        this.throttle = new LoginThrottle(ctx.limiter(), config, ctx.events());
    }

    /**
     * Forgot password (C2, SEC-10): mails a reset code (PASSWORD_RESET) to the account named by a
     * username or an email. Returns normally whether or not the account exists, is disabled or is
     * over the send limit; with {@code unknownAddressNotice} an email that has no account gets a notice.
     *
     * @param usernameOrEmail the account's username or email as entered
     * @param client what is known about the caller, or null; counted towards the send limit
     * @throws UserKitException EMAIL_RESET_UNSUPPORTED (802) when reset by email is off or no mailer is configured
     */
    public void requestPasswordReset(String usernameOrEmail, ClientContext client) {
        if (!config.resetByEmail() || !notifier.canMail()) throw new UserKitException(ErrorCode.EMAIL_RESET_UNSUPPORTED);
        Optional<User> found = support.records().find(usernameOrEmail).map(UserRecord::user);
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
            notifier.mail(MailMessage.Kind.PASSWORD_RESET, u.email().value(), to -> MailTemplates.passwordReset(to, u.username().value(), link));
            return;
        }
        notifier.rehearse(MailMessage.Kind.PASSWORD_RESET, destination, to -> MailTemplates.passwordReset(to, destination, link));
        if (found.isEmpty() && config.unknownAddressNotice()) {
            validEmail(usernameOrEmail).ifPresent(e ->
                    notifier.mail(MailMessage.Kind.UNKNOWN_ADDRESS_NOTICE, e.value(), MailTemplates::unknownAddressNotice));
        }
    }

    /**
     * Resets the password with a mailed code (C3). Every session of the user ends; listeners hear PASSWORD_RESET.
     *
     * @param code the reset code as received
     * @param newPassword the new password, checked against the password policy
     * @throws UserKitException CODE_EXPIRED (800), CODE_INVALID (801), 1001-1004 for a weak password
     *         (the code then stays usable)
     */
    public void resetPassword(String code, String newPassword) {
        policy.checkAlone(newPassword);
        CodeRecord c = codes.consumeLink(code, CodePurpose.PASSWORD_RESET);
        User u = owner(c, Recovery::emailKey);
        checkContextOrRestore(c, u, newPassword);
        applyReset(u, newPassword, "email");
    }

    /**
     * Resets to a generated password (C4): the code in, the username and a new random password out.
     *
     * @param code the reset code as received
     * @return the username and the new password
     * @throws UserKitException CODE_EXPIRED (800), CODE_INVALID (801)
     */
    public GeneratedPassword resetToGeneratedPassword(String code) {
        CodeRecord c = codes.consumeLink(code, CodePurpose.PASSWORD_RESET);
        User u = owner(c, Recovery::emailKey);
        String password = policy.generate();
        applyReset(u, password, "generated");
        return new GeneratedPassword(u.username().value(), password);
    }

    /**
     * Forgot username (C5): mails the username to the address if an account uses it. Returns the
     * same whether or not one does (SEC-10), and within the send limits only (SEC-25).
     *
     * @param email the address as entered
     * @param client what is known about the caller, or null; counted towards the send limit
     * @throws UserKitException EMAIL_RESET_UNSUPPORTED (802) when no mailer is configured
     */
    public void requestUsernameReminder(String email, ClientContext client) {
        if (!notifier.canMail()) throw new UserKitException(ErrorCode.EMAIL_RESET_UNSUPPORTED);
        Optional<Email> address = validEmail(email);
        if (address.isEmpty() || !sendLimits.allow("reminder", address.get().key(), client)) return;
        Optional<User> owner = ctx.stores().users().findByEmailKey(address.get().key()).map(UserRecord::user)
                .filter(u -> u.status() != UserStatus.DISABLED);
        if (owner.isPresent()) {
            User u = owner.get();
            notifier.mail(MailMessage.Kind.USERNAME_REMINDER, u.email().value(), to -> MailTemplates.usernameReminder(to, u.username().value()));
        } else {
            // SEC-31: the rendering of a real reminder, without the mail
            notifier.rehearse(MailMessage.Kind.USERNAME_REMINDER, address.get().value(),
                    to -> MailTemplates.usernameReminder(to, address.get().value()));
        }
    }

    /**
     * Forgot password by phone (C6): texts a short code to the number if an account uses it. Same
     * answer whether or not one does; within the send limits per number and client (SEC-25).
     *
     * @param phone the phone number as entered
     * @param client what is known about the caller, or null; counted towards the send limit
     * @throws UserKitException PHONE_RESET_UNSUPPORTED (803) without an SMS sender, INVALID_PHONE (804)
     */
    public void requestPasswordResetByPhone(String phone, ClientContext client) {
        Phone p = phoneChannel(phone);
        if (!sendLimits.allow("sms", p.value(), client)) return;
        // a new code gets a new count of guesses, for a number without an account just the same
        ctx.limiter().reset(PHONE_GUESSES, p.value());
        Optional<User> owner = ctx.stores().users().findByPhone(p.value()).map(UserRecord::user)
                .filter(u -> u.status() != UserStatus.DISABLED);
        if (owner.isEmpty()) {
            codes.issueDecoy(CodePurpose.PHONE_RESET);
            return;
        }
        String code = codes.issueShort(owner.get().id(), CodePurpose.PHONE_RESET, p.value());
        notifier.text(p.value(), "Your password reset code is " + code + ". It expires in "
                + config.codeTtl(CodePurpose.PHONE_RESET).toMinutes() + " minutes.");
    }

    /**
     * Resets the password with the short code texted to the phone (C6). Wrong guesses are counted
     * per submitted number, whether or not an account uses it (SEC-07, SEC-10): the guess that
     * reaches the configured cap (default 5) answers 1006 and voids the code, and so does every
     * later guess for that number until a new code is requested or the code lifetime has passed,
     * so that an unknown number answers exactly as a real one does.
     *
     * @param phone the phone number the code was texted to
     * @param code the short code as received
     * @param newPassword the new password, checked against the password policy
     * @throws UserKitException PHONE_RESET_UNSUPPORTED (803), INVALID_PHONE (804), CODE_INVALID (801),
     *         CODE_EXPIRED (800), CODE_ATTEMPTS_EXHAUSTED (1006), 1001-1004 for a weak password
     */
    public void resetPasswordByPhone(String phone, String code, String newPassword) {
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
        User u = owner(c, Recovery::phoneNumber);
        checkContextOrRestore(c, u, newPassword);
        ctx.limiter().reset(PHONE_GUESSES, p.value());
        applyReset(u, newPassword, "phone");
    }

    // The code's owner, if the code is still bound to the owner's current address and the owner may reset.
    private User owner(CodeRecord c, Function<User, String> boundAddress) {
        Optional<User> u = ctx.stores().users().findById(c.userId()).map(UserRecord::user);
        if (u.isEmpty() || u.get().status() == UserStatus.DISABLED || !Objects.equals(c.target(), boundAddress.apply(u.get()))) {
            throw new UserKitException(ErrorCode.CODE_INVALID);
        }
        return u.get();
    }

    private static String emailKey(User u) {
        return u.email().key();
    }

    private static String phoneNumber(User u) {
        return u.phone() == null ? null : u.phone().value();
    }

    // a weak password must not cost the user the code: the rejected call changes nothing
    private void checkContextOrRestore(CodeRecord c, User u, String newPassword) {
        try {
            policy.checkContext(newPassword, u.username(), u.email());
        } catch (UserKitException weak) {
            codes.restore(c);
            throw weak;
        }
    }

    private void applyReset(User u, String newPassword, String channel) {
        support.replacePassword(u.id(), newPassword, null);
        if (!"phone".equals(channel)) verifyMailbox(u);
        // SEC-09: a locked owner who proved the mailbox or phone may log in with the new password at once
        throttle.unlock(u);
        ctx.events().emit(Type.PASSWORD_RESET, u.id(), null, Map.of("channel", channel));
    }

    // A reset by mail proves control of the mailbox, which is all email verification proves (A3):
    // a PENDING owner becomes ACTIVE instead of being told 601 with the password it just chose.
    private void verifyMailbox(User u) {
        if (u.status() != UserStatus.PENDING) return;
        support.records().modify(u.id(), r -> r.user().status() != UserStatus.PENDING ? r
                : r.next(r.user().withStatus(UserStatus.ACTIVE, ctx.clock().instant())));
        ctx.stores().codes().deleteFor(u.id(), CodePurpose.EMAIL_VERIFY);
        ctx.events().emit(Type.EMAIL_VERIFIED, u.id(), null, Map.of("channel", "password-reset"));
    }

    private Phone phoneChannel(String phone) {
        if (!notifier.canText()) throw new UserKitException(ErrorCode.PHONE_RESET_UNSUPPORTED);
        return Phone.of(phone);
    }

    private static Optional<Email> validEmail(String text) {
        try {
            return Email.looksLikeEmail(text) ? Optional.of(Email.of(text)) : Optional.empty();
        } catch (UserKitException malformed) {
            return Optional.empty();
        }
    }

    // the send-limit subject for whatever was typed: same for "Alice" and "alice", never stored raw
    private static String fold(String identifier) {
        return identifier == null ? "" : identifier.strip().toLowerCase(Locale.ROOT);
    }
}
