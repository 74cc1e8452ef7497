package dev.userkit.recovery;

import dev.userkit.ClientContext;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.hooks.ResetChannel;

/**
 * Forgot password and username, resets by email and phone (C1-C7). Requests answer the same
 * whether or not an account exists (SEC-10) and are send-rate limited per address and per client
 * behind that same answer (SEC-25). Resets work even while login is throttled (SEC-09) and lift
 * that lock for the account's username and email, and end every session of the user (SEC-19).
 * A reset by mail also verifies a PENDING owner's email (it proves the mailbox, as A3 does).
 */
public final class Recovery {
    private final MailReset mailReset;
    private final UsernameReminder reminder;
    private final PhoneReset phoneReset;
    private final Instrumentation instrumentation;

    /** Built by {@link RecoveryFactory}, for {@link dev.userkit.UserKit} or Guice. */
    Recovery(ServiceHelpers support) {
        ResetSteps steps = new ResetSteps(support);
        this.mailReset = new MailReset(support, steps);
        this.reminder = new UsernameReminder(support);
        this.phoneReset = new PhoneReset(support, steps);
        this.instrumentation = support.ctx().instrumentation();
    }

    /**
     * Forgot password (C2, SEC-10): mails a reset code (PASSWORD_RESET) to the account named by a
     * username or an email, or by whatever the {@link dev.userkit.hooks.UserLookup} hook knows (as login reads it). Returns normally whether or not the account exists, is disabled, is refused by a
     * {@link dev.userkit.hooks.LoginCheck} (H2: it is then treated as unknown) or is over the send limit; with {@code unknownAddressNotice} an email that has no account gets a notice.
     *
     * @param usernameOrEmail the account's username or email as entered
     * @param client what is known about the caller, or null; counted towards the send limit
     * @throws UserKitException EMAIL_RESET_UNSUPPORTED (802) when reset by email is off or no mailer is configured
     */
    public void requestPasswordReset(String usernameOrEmail, ClientContext client) {
        mailReset.request(usernameOrEmail, client);
        instrumentation.resetRequested(ResetChannel.EMAIL);
    }

    /**
     * Resets the password with a mailed code (C3). Every session of the user ends; listeners hear PASSWORD_RESET.
     * The login checks run first (H2, with {@link ClientContext#NONE}): a user they refuse gets
     * their refusal and keeps the code.
     *
     * @param code the reset code as received
     * @param newPassword the new password, checked against the password policy
     * @throws UserKitException CODE_EXPIRED (800), CODE_INVALID (801), 1001-1004 for a weak password
     *         (the code then stays usable), a login check's refusal
     */
    public void resetPassword(String code, String newPassword) {
        mailReset.reset(code, newPassword);
    }

    /**
     * Resets to a generated password (C4): the code in, the username and a new random password out.
     *
     * @param code the reset code as received
     * @return the username and the new password
     * @throws UserKitException CODE_EXPIRED (800), CODE_INVALID (801)
     */
    public GeneratedPassword resetToGeneratedPassword(String code) {
        return mailReset.resetToGenerated(code);
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
        reminder.request(email, client);
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
        phoneReset.request(phone, client);
        instrumentation.resetRequested(ResetChannel.SMS);
    }

    /**
     * Forgot password by phone for an account named by a sign-in identifier (umpack's
     * {@code /users/{userName}/passwordResetRequestByPhone}, C6, H2): read as login reads it (the
     * {@link dev.userkit.hooks.UserLookup} first, then username or email), the code goes to the
     * account's stored number. An unknown name, an account without a phone, a disabled one or one the
     * login checks refuse all answer the same and queue a decoy (SEC-10, SEC-31).
     *
     * @param identifier the account's username, email or custom identifier as entered
     * @param client what is known about the caller, or null; counted towards the send limit and
     *               handed to the login checks
     * @throws UserKitException PHONE_RESET_UNSUPPORTED (803) without an SMS sender
     */
    public void requestPasswordResetByPhoneFor(String identifier, ClientContext client) {
        phoneReset.requestFor(identifier, client);
        instrumentation.resetRequested(ResetChannel.SMS);
    }

    /**
     * Resets the password with the code texted for {@link #requestPasswordResetByPhoneFor}: the
     * same guess counts and answers as {@link #resetPasswordByPhone}, for the account the identifier
     * names; a user the login checks now refuse gets their refusal and keeps the code.
     *
     * @param identifier the account's username, email or custom identifier as entered
     * @param code the short code as received
     * @param newPassword the new password, checked against the password policy
     * @param client what is known about the caller, or null; handed to the login checks
     * @throws UserKitException PHONE_RESET_UNSUPPORTED (803), CODE_INVALID (801), CODE_EXPIRED (800),
     *         CODE_ATTEMPTS_EXHAUSTED (1006), 1001-1004 for a weak password, a login check's refusal
     */
    public void resetPasswordByPhoneFor(String identifier, String code, String newPassword, ClientContext client) {
        phoneReset.resetFor(identifier, code, newPassword, client);
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
        phoneReset.reset(phone, code, newPassword);
    }
}
