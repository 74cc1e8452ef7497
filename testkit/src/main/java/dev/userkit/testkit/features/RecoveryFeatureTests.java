package dev.userkit.testkit.features;

import dev.userkit.spi.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.KeyRing;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.recovery.GeneratedPassword;
import dev.userkit.recovery.Recovery;
import dev.userkit.spi.MailMessage;
import dev.userkit.testkit.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Recovery features C2-C7 and the request-side security rules SEC-10, SEC-25, SEC-26.
 *
 * <p>If a test fails, check the {@code CodeStore} (single use: a used code is 801;
 * {@code deleteFor} voids older codes of a purpose), {@code UserStore.update} for the new
 * password, and {@code SessionStore.deleteMatching} ending the user's sessions (SEC-19).
 */
public abstract class RecoveryFeatureTests extends IdentityFixture {
    private static final String PHONE = "+4915112345678";

    private UserId registerWithPhone(UserKit kit) {
        return kit.accounts().register(NewUser.builder("pat", "pat@example.org").password(PASSWORD).phone(PHONE).build(), null).userId();
    }

    @Test
    @DisplayName("C2 [required] a reset code is mailed for a username or an email")
    void resetRequestMails() {
        UserKit kit = kit();
        kit.accounts().register(user("rosa"), null);
        kit.recovery().requestPasswordReset("ROSA", ClientContext.NONE);
        kit.recovery().requestPasswordReset("rosa@example.org", ClientContext.NONE);
        assertThat(mailsTo("rosa@example.org", MessageKind.PASSWORD_RESET)).hasSize(2);
    }

    @Test
    @DisplayName("C2 H2 [required] a reset asked by an identifier the user lookup knows mails the account, as login finds it")
    void resetRequestByLookupIdentifier() {
        UserId id = kit().accounts().register(user("ines"), null).userId();
        UserKit kit = kitBuilder(config().build())
                .userLookup(identifier -> identifier.equals("E-2002") ? Optional.of(id) : Optional.empty())
                .build();
        kit.recovery().requestPasswordReset("E-2002", ClientContext.NONE);
        assertThat(mailsTo("ines@example.org", MessageKind.PASSWORD_RESET)).hasSize(1);
    }

    @Test
    @DisplayName("C2 SEC-10 [required] an unknown address gets the same answer and no mail; the optional notice goes to it")
    void unknownAddress() {
        kit().recovery().requestPasswordReset("ghost@example.org", ClientContext.NONE);
        kit().recovery().requestPasswordReset("ghost", ClientContext.NONE);
        assertThat(mailSent()).isEmpty();
        kit(config().unknownAddressNotice(true).build()).recovery().requestPasswordReset("ghost@example.org", ClientContext.NONE);
        assertThat(mailSent()).extracting(MailMessage::kind).containsExactly(MessageKind.UNKNOWN_ADDRESS_NOTICE);
    }

    @Test
    @DisplayName("C3 SEC-19 [required] reset with the code: new password, every session ends, listeners hear PASSWORD_RESET")
    void reset() {
        UserKit kit = listening().build();
        UserId id = kit.accounts().register(user("sara"), null).userId();
        addSession(id);
        addSession(id);
        kit.recovery().requestPasswordReset("sara", null);
        kit.recovery().resetPassword(codeMailedTo("sara@example.org", MessageKind.PASSWORD_RESET), NEW_PASSWORD);
        assertThat(passwordIs(id, NEW_PASSWORD)).isTrue();
        assertThat(sessionsOf(id)).isEmpty();
        assertThat(events).filteredOn(e -> e.type() == UserKitEvent.Type.PASSWORD_RESET).extracting(UserKitEvent::userId).containsExactly(id);
    }

    @Test
    @DisplayName("C3 A3 [required] a reset by mail proves the mailbox: a PENDING owner becomes ACTIVE and its verification code is void")
    void resetByMailVerifies() {
        UserKit kit = kit();
        UserId id = kit.accounts().register(user("uma"), null).userId();
        String verification = codeMailedTo("uma@example.org", MessageKind.VERIFY_EMAIL);
        kit.recovery().requestPasswordReset("uma@example.org", null);
        kit.recovery().resetPassword(codeMailedTo("uma@example.org", MessageKind.PASSWORD_RESET), NEW_PASSWORD);
        assertThat(kit.accounts().findById(id).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
        assertCode(ErrorCode.CODE_INVALID, () -> kit.accounts().verifyEmail(verification));
    }

    @Test
    @DisplayName("C3 [required] a used code fails with 801")
    void usedCode() {
        UserKit kit = kit();
        kit.accounts().register(user("tess"), null);
        kit.recovery().requestPasswordReset("tess", null);
        String code = codeMailedTo("tess@example.org", MessageKind.PASSWORD_RESET);
        kit.recovery().resetPassword(code, NEW_PASSWORD);
        assertCode(ErrorCode.CODE_INVALID, () -> kit.recovery().resetPassword(code, NEW_PASSWORD + " again"));
    }

    @Test
    @DisplayName("C3 [required] a weak new password is refused and the code stays usable")
    void weakPasswordKeepsCode() {
        UserKit kit = kit();
        UserId id = kit.accounts().register(user("ugo"), null).userId();
        kit.recovery().requestPasswordReset("ugo", null);
        String code = codeMailedTo("ugo@example.org", MessageKind.PASSWORD_RESET);
        assertCode(ErrorCode.PASSWORD_TOO_SHORT, () -> kit.recovery().resetPassword(code, "short"));
        assertCode(ErrorCode.PASSWORD_CONTAINS_CONTEXT, () -> kit.recovery().resetPassword(code, "ugo ugo ugo ugo ugo ugo"));
        assertThat(passwordIs(id, PASSWORD)).isTrue();
        kit.recovery().resetPassword(code, NEW_PASSWORD);
        assertThat(passwordIs(id, NEW_PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("C4 [required] reset to a generated password gives the username and a new random password")
    void generated() {
        UserKit kit = kit();
        UserId id = kit.accounts().register(user("Wanda"), null).userId();
        addSession(id);
        kit.recovery().requestPasswordReset("wanda", null);
        GeneratedPassword g = kit.recovery().resetToGeneratedPassword(codeMailedTo("wanda@example.org", MessageKind.PASSWORD_RESET));
        assertThat(g.username()).isEqualTo("Wanda");
        assertThat(g.password()).hasSizeGreaterThanOrEqualTo(15).doesNotContain(PASSWORD);
        assertThat(passwordIs(id, g.password())).isTrue();
        assertThat(sessionsOf(id)).isEmpty();
        assertThat(g.toString()).doesNotContain(g.password());
    }

    @Test
    @DisplayName("C5 SEC-10 [required] the username is mailed to a known address; an unknown one gets nothing and the same answer")
    void usernameReminder() {
        UserKit kit = kit();
        kit.accounts().register(user("Xavi"), null);
        clearSentMail();
        kit.recovery().requestUsernameReminder("XAVI@example.org", ClientContext.NONE);
        kit.recovery().requestUsernameReminder("nobody@example.org", ClientContext.NONE);
        assertThat(mailSent()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.USERNAME_REMINDER);
            assertThat(m.to()).isEqualTo("Xavi@example.org");
            assertThat(m.text()).contains("Xavi");
        });
    }

    @Test
    @DisplayName("C6 [required] a 6-digit code goes out by SMS and resets the password")
    void resetByPhone() {
        UserKit kit = kit();
        UserId id = registerWithPhone(kit);
        addSession(id);
        kit.recovery().requestPasswordResetByPhone("+49 151 1234 5678", null);
        kit.recovery().requestPasswordResetByPhone("+4915199999999", null);
        assertThat(textsSent()).singleElement().satisfies(s -> assertThat(s.to()).isEqualTo(PHONE));
        String code = codeTexted();
        assertThat(code).matches("[0-9]{6}");
        kit.recovery().resetPasswordByPhone(PHONE, code, NEW_PASSWORD);
        assertThat(passwordIs(id, NEW_PASSWORD)).isTrue();
        assertThat(sessionsOf(id)).isEmpty();
    }

    @Test
    @DisplayName("C6 SEC-11 [required] five wrong SMS codes void the code (1006); the right one then fails (1006, as for any number); a new code works")
    void phoneAttemptCap() {
        UserKit kit = kit();
        UserId id = registerWithPhone(kit);
        kit.recovery().requestPasswordResetByPhone(PHONE, null);
        String code = codeTexted();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) assertCode(ErrorCode.CODE_INVALID, () -> kit.recovery().resetPasswordByPhone(PHONE, wrong, NEW_PASSWORD));
        assertCode(ErrorCode.CODE_ATTEMPTS_EXHAUSTED, () -> kit.recovery().resetPasswordByPhone(PHONE, wrong, NEW_PASSWORD));
        assertCode(ErrorCode.CODE_ATTEMPTS_EXHAUSTED, () -> kit.recovery().resetPasswordByPhone(PHONE, code, NEW_PASSWORD));
        assertThat(passwordIs(id, PASSWORD)).isTrue();
        kit.recovery().requestPasswordResetByPhone(PHONE, null);
        kit.recovery().resetPasswordByPhone(PHONE, codeTexted(), NEW_PASSWORD);
        assertThat(passwordIs(id, NEW_PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("SEC-26 [required] an SMS code issued under key version 1 still works after rotating to version 2")
    void keyRotation() {
        UserId id = registerWithPhone(kit());
        kit().recovery().requestPasswordResetByPhone(PHONE, null);
        String code = codeTexted();
        KeyRing rotated = KeyRing.of(Map.of(1, TestKeys.RING.key(1),
                2, "userkit-test-key-version-2-abcdefgh".getBytes(StandardCharsets.UTF_8)), 2);
        kit(config().keyRing(rotated).build()).recovery().resetPasswordByPhone(PHONE, code, NEW_PASSWORD);
        assertThat(passwordIs(id, NEW_PASSWORD)).isTrue();
        assertThat(rotated.toString()).doesNotContain("userkit-test-key");
    }

    @Test
    @DisplayName("C7 [required] reset by email switched off or without a mailer is 802; by phone without an SMS sender is 803")
    void channelsNotConfigured() {
        assertCode(ErrorCode.EMAIL_RESET_UNSUPPORTED, () -> kit(config().resetByEmail(false).build()).recovery().requestPasswordReset("a", null));
        Recovery noPorts = kitBuilder(config().build()).mailer(null).sms(null).build().recovery();
        assertCode(ErrorCode.EMAIL_RESET_UNSUPPORTED, () -> noPorts.requestPasswordReset("a@example.org", null));
        assertCode(ErrorCode.EMAIL_RESET_UNSUPPORTED, () -> noPorts.requestUsernameReminder("a@example.org", null));
        assertCode(ErrorCode.PHONE_RESET_UNSUPPORTED, () -> noPorts.requestPasswordResetByPhone(PHONE, null));
        assertCode(ErrorCode.PHONE_RESET_UNSUPPORTED, () -> noPorts.resetPasswordByPhone(PHONE, "123456", NEW_PASSWORD));
        assertCode(ErrorCode.INVALID_PHONE, () -> kit().recovery().requestPasswordResetByPhone("not a phone", null));
    }

    @Test
    @DisplayName("SEC-25 [required] reset mails are limited per mailbox (by name or email), silently: the answer stays the same")
    void sendLimitPerAddress() {
        UserKit kit = kit(config().sendLimit(3).build());
        kit.accounts().register(user("yves"), null);
        clearSentMail();
        for (int i = 0; i < 5; i++) {
            assertThatCode(() -> kit.recovery().requestPasswordReset("yves", null)).doesNotThrowAnyException();
        }
        assertThat(mailsTo("yves@example.org", MessageKind.PASSWORD_RESET)).hasSize(3);
        kit.recovery().requestPasswordReset("yves@example.org", null); // same mailbox, same counter
        assertThat(mailsTo("yves@example.org", MessageKind.PASSWORD_RESET)).hasSize(3);
        clock.advance(Duration.ofHours(1));
        kit.recovery().requestPasswordReset("yves", null);
        assertThat(mailsTo("yves@example.org", MessageKind.PASSWORD_RESET)).hasSize(4);
    }

    @Test
    @DisplayName("SEC-25 [required] requests are limited per client address across many targets (mail bombing, SMS pumping)")
    void sendLimitPerClient() {
        UserKit kit = kit(config().sendLimit(2).build());
        for (String n : new String[] {"ali", "bob", "cat"}) kit.accounts().register(user(n), null);
        clearSentMail();
        ClientContext attacker = ClientContext.fromAddress("203.0.113.9");
        for (String n : new String[] {"ali", "bob", "cat"}) kit.recovery().requestPasswordReset(n, attacker);
        assertThat(mailSent()).hasSize(2);
        kit.recovery().requestPasswordReset("cat", ClientContext.fromAddress("198.51.100.1"));
        assertThat(mailSent()).hasSize(3);
        registerWithPhone(kit);
        ClientContext pumper = ClientContext.fromAddress("192.0.2.7");
        kit.recovery().requestPasswordResetByPhone("+4915100000001", pumper);
        kit.recovery().requestPasswordResetByPhone("+4915100000002", pumper);
        kit.recovery().requestPasswordResetByPhone(PHONE, pumper);
        assertThat(textsSent()).isEmpty();
        kit.recovery().requestPasswordResetByPhone(PHONE, null);
        assertThat(textsSent()).hasSize(1);
    }

    @Test
    @DisplayName("M1 [required] mails carry the application's link for the code and go to the resolved recipient")
    void linksAndRecipients() {
        UserKit kit = kitBuilder(config().build())
                .links((purpose, code) -> "https://app.example/" + purpose.name().toLowerCase() + "?code=" + code)
                .recipients((address, kind) -> kind == MessageKind.PASSWORD_RESET ? "audit@example.org" : address)
                .build();
        String verify = kit.accounts().register(user("lou"), null).verificationCode();
        assertThat(mailsTo("lou@example.org", MessageKind.VERIFY_EMAIL)).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("https://app.example/email_verify?code=" + verify));
        kit.recovery().requestPasswordReset("lou", null);
        assertThat(mailsTo("lou@example.org", MessageKind.PASSWORD_RESET)).isEmpty();
        assertThat(mailsTo("audit@example.org", MessageKind.PASSWORD_RESET)).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("https://app.example/password_reset?code=").contains("lou"));
    }

    @Test
    @DisplayName("H2 C2 C6 SEC-10 [required] a user the login check refuses gets no reset mail or text: the request answers as for nobody")
    void refusedUserCannotRequestReset() {
        UserKit kit = kitBuilder(config().build()).loginCheck((user, client) -> {
            if (user.username().value().equals("pat")) throw new UserKitException(ErrorCode.LOGIN_REFUSED);
        }).build();
        registerWithPhone(kit);
        clearSentMail();
        kit.recovery().requestPasswordReset("pat", ClientContext.NONE);
        kit.recovery().requestPasswordReset("pat@example.org", ClientContext.NONE);
        kit.recovery().requestPasswordResetByPhone(PHONE, ClientContext.NONE);
        kit.recovery().requestPasswordResetByPhoneFor("pat", ClientContext.NONE);
        kit.recovery().requestPasswordReset("nobody", ClientContext.NONE);
        kit.recovery().requestPasswordResetByPhoneFor("nobody", ClientContext.NONE);
        assertThat(mailSent()).isEmpty();
        assertThat(textsSent()).isEmpty();
    }

    @Test
    @DisplayName("H2 C3 C6 [required] a user the login check now refuses cannot reset with a code issued before, and keeps the code")
    void refusedUserCannotReset() {
        AtomicBoolean refuse = new AtomicBoolean();
        UserKit kit = kitBuilder(config().build()).loginCheck((user, client) -> {
            if (refuse.get()) throw new UserKitException(ErrorCode.LOGIN_REFUSED);
        }).build();
        UserId id = registerWithPhone(kit);
        kit.recovery().requestPasswordReset("pat", null);
        String mailed = codeMailedTo("pat@example.org", MessageKind.PASSWORD_RESET);
        kit.recovery().requestPasswordResetByPhoneFor("pat", null);
        String texted = codeTexted();
        refuse.set(true);
        assertCode(ErrorCode.LOGIN_REFUSED, () -> kit.recovery().resetPassword(mailed, NEW_PASSWORD));
        assertCode(ErrorCode.LOGIN_REFUSED, () -> kit.recovery().resetPasswordByPhoneFor("pat", texted, NEW_PASSWORD, null));
        assertThat(passwordIs(id, PASSWORD)).isTrue();
        refuse.set(false);
        kit.recovery().resetPassword(mailed, NEW_PASSWORD);
        assertThat(passwordIs(id, NEW_PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("H2 C6 [required] a phone reset asked by username or by an identifier the user lookup knows texts the account's number and resets with it")
    void phoneResetByIdentifier() {
        UserKit plain = kit();
        UserId id = registerWithPhone(plain);
        UserKit kit = kitBuilder(config().build())
                .userLookup(identifier -> identifier.equals("E-3003") ? Optional.of(id) : Optional.empty()).build();
        kit.recovery().requestPasswordResetByPhoneFor("PAT", null);
        assertThat(textsSent()).singleElement().satisfies(s -> assertThat(s.to()).isEqualTo(PHONE));
        kit.recovery().requestPasswordResetByPhoneFor("E-3003", null);
        assertThat(textsSent()).hasSize(2);
        kit.recovery().requestPasswordResetByPhoneFor("nobody", null);
        assertThat(textsSent()).hasSize(2);
        assertCode(ErrorCode.CODE_INVALID, () -> kit.recovery().resetPasswordByPhoneFor("nobody", codeTexted(), NEW_PASSWORD, null));
        kit.recovery().resetPasswordByPhoneFor("E-3003", codeTexted(), NEW_PASSWORD, null);
        assertThat(passwordIs(id, NEW_PASSWORD)).isTrue();
    }
}
