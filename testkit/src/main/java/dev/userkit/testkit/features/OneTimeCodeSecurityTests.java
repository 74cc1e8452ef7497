package dev.userkit.testkit.features;

import dev.userkit.spi.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.accounts.NewUser;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.UserQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One-time codes: C1, C7 and SEC-11 to SEC-15.
 *
 * <p>If a test fails, check the {@code CodeStore}: {@code consume} is atomic (SEC-13), codes
 * are keyed by hash only (SEC-12), expired codes are returned so the service can refuse them
 * (SEC-14), a code is bound to its purpose (SEC-15), and failed attempts are counted atomically
 * (SEC-11).
 */
public abstract class OneTimeCodeSecurityTests extends IdentityFixture {

    private String resetCode(UserKit kit, String name) {
        kit.recovery().requestPasswordReset(name, null);
        return codeMailedTo(name + "@example.org", MessageKind.PASSWORD_RESET);
    }

    @Test
    @DisplayName("SEC-11 [required] link codes are 256-bit base64url tokens, different every time")
    void linkCodeShape() {
        UserKit kit = kit();
        kit.accounts().register(user("anna"), null);
        String a = resetCode(kit, "anna");
        String b = resetCode(kit, "anna");
        assertThat(a).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b);
        assertThat(Base64.getUrlDecoder().decode(a)).hasSize(32);
    }

    @Test
    @DisplayName("C1 SEC-12 [required] no store holds a code in raw, hex or base64 form; the code store keys by hash")
    void onlyHashesStored() {
        UserKit kit = kit();
        List<String> raw = new ArrayList<>();
        for (String n : new String[] {"bea", "cid"}) {
            raw.add(kit.accounts().register(NewUser.builder(n, n + "@example.org").password(PASSWORD).phone(n.equals("bea") ? "+4915111111111" : null).build(), null).verificationCode());
            raw.add(resetCode(kit, n));
            addSession(kit.accounts().find(n).orElseThrow().id());
        }
        kit.recovery().requestPasswordResetByPhone("+4915111111111", null);
        raw.add(codeTexted());
        StringBuilder dump = new StringBuilder();
        stores.users().list(UserQuery.firstPage(1000)).forEach(r -> dump.append(r).append('\n'));
        stores.sessions().list(SessionFilter.all(), null, 1000).forEach(r -> dump.append(r).append('\n'));
        stores.roles().list().forEach(r -> dump.append(r).append('\n'));
        stores.devices().list(null, false).forEach(r -> dump.append(r).append('\n'));
        for (String code : raw) {
            byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
            assertThat(dump.toString()).doesNotContain(code).doesNotContain(HexFormat.of().formatHex(bytes))
                    .doesNotContain(Base64.getEncoder().encodeToString(bytes));
        }
        // the code store answers to the hash, never to the raw code
        String verify = raw.get(0);
        assertThat(stores.codes().consume(verify, CodePurpose.EMAIL_VERIFY)).isEmpty();
        assertThat(stores.codes().consume(Secrets.sha256(verify), CodePurpose.EMAIL_VERIFY)).hasValueSatisfying(c ->
                assertThat(c.toString()).doesNotContain(verify));
    }

    @Test
    @DisplayName("SEC-13 [required] 64 threads consuming one code: exactly one wins")
    void singleUse() throws Exception {
        UserKit kit = kit();
        String code = kit.accounts().register(user("dax"), null).verificationCode();
        var outcomes = Concurrently.run(64, i -> kit.accounts().verifyEmail(code));
        assertThat(outcomes).filteredOn(o -> o.failure() == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.failure() != null).allSatisfy(o ->
                assertThat(((dev.userkit.UserKitException) o.failure()).code()).isEqualTo(ErrorCode.CODE_INVALID));
    }

    @Test
    @DisplayName("SEC-14 C7 [required] a reset code works at 14:59 and is 800 one second after 15 min; expired codes are used up")
    void resetExpiry() {
        UserKit kit = kit();
        UserId id = kit.accounts().register(user("eli"), null).userId();
        String early = resetCode(kit, "eli");
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        kit.recovery().resetPassword(early, NEW_PASSWORD);
        String late = resetCode(kit, "eli");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertCode(ErrorCode.CODE_EXPIRED, () -> kit.recovery().resetPassword(late, PASSWORD));
        assertCode(ErrorCode.CODE_INVALID, () -> kit.recovery().resetPassword(late, PASSWORD));
        assertThat(passwordIs(id, NEW_PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("SEC-14 [required] email verification codes live 24 h; SMS codes 10 min")
    void otherExpiries() {
        UserKit kit = kit();
        String code = kit.accounts().register(NewUser.builder("fay", "fay@example.org").password(PASSWORD).phone("+4915122222222").build(), null).verificationCode();
        kit.recovery().requestPasswordResetByPhone("+4915122222222", null);
        String sms = codeTexted();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertCode(ErrorCode.CODE_EXPIRED, () -> kit.recovery().resetPasswordByPhone("+4915122222222", sms, NEW_PASSWORD));
        clock.advance(Duration.ofHours(24).minusMinutes(11));
        assertThat(kit.accounts().verifyEmail(code).status()).isEqualTo(UserStatus.ACTIVE);
        String second = kit.accounts().register(user("gus"), null).verificationCode();
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertCode(ErrorCode.CODE_EXPIRED, () -> kit.accounts().verifyEmail(second));
    }

    @Test
    @DisplayName("SEC-15 [required] a verification code cannot reset a password, and a reset code cannot verify an email")
    void boundToPurpose() {
        UserKit kit = kit();
        UserId id = kit.accounts().register(user("hal"), null).userId();
        String verify = codeMailedTo("hal@example.org", MessageKind.VERIFY_EMAIL);
        String reset = resetCode(kit, "hal");
        assertCode(ErrorCode.CODE_INVALID, () -> kit.recovery().resetPassword(verify, NEW_PASSWORD));
        assertCode(ErrorCode.CODE_INVALID, () -> kit.accounts().verifyEmail(reset));
        assertCode(ErrorCode.CODE_INVALID, () -> kit.accounts().confirmEmailChange(reset));
        assertThat(passwordIs(id, PASSWORD)).isTrue();
        // neither code was used up by the wrong-purpose attempts (verification first: a reset by
        // mail would verify the email itself and void the verification code)
        assertThat(kit.accounts().verifyEmail(verify).status()).isEqualTo(UserStatus.ACTIVE);
        kit.recovery().resetPassword(reset, NEW_PASSWORD);
        assertThat(passwordIs(id, NEW_PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("SEC-15 [required] a new code of a purpose voids the previous one")
    void newCodeVoidsOld() {
        UserKit kit = kit();
        kit.accounts().register(user("ida"), null);
        String first = resetCode(kit, "ida");
        String second = resetCode(kit, "ida");
        assertCode(ErrorCode.CODE_INVALID, () -> kit.recovery().resetPassword(first, NEW_PASSWORD));
        kit.recovery().resetPassword(second, NEW_PASSWORD);
    }

    @Test
    @DisplayName("SEC-15 [required] an email-change code is bound to its target: a newer request for another address voids it")
    void emailChangeBoundToTarget() {
        UserKit kit = kit();
        UserId id = kit.accounts().register(user("jon"), null).userId();
        String toA = kit.accounts().requestEmailChange(id, PASSWORD, "a.jon@example.org");
        String toB = kit.accounts().requestEmailChange(id, PASSWORD, "b.jon@example.org");
        assertCode(ErrorCode.CODE_INVALID, () -> kit.accounts().confirmEmailChange(toA));
        assertThat(kit.accounts().confirmEmailChange(toB).email().value()).isEqualTo("b.jon@example.org");
    }

    @Test
    @DisplayName("C7 [required] expired (800) and invalid (801) codes are told apart; garbage is 801")
    void expiredVersusInvalid() {
        UserKit kit = kit();
        assertCode(ErrorCode.CODE_INVALID, () -> kit.accounts().verifyEmail("not-a-code"));
        assertCode(ErrorCode.CODE_INVALID, () -> kit.accounts().verifyEmail(null));
        assertCode(ErrorCode.CODE_INVALID, () -> kit.recovery().resetPassword(Secrets.newToken(), NEW_PASSWORD));
        String code = kit.accounts().register(user("kai"), null).verificationCode();
        clock.advance(Duration.ofDays(2));
        assertCode(ErrorCode.CODE_EXPIRED, () -> kit.accounts().verifyEmail(code));
    }
}
