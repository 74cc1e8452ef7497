package dev.userkit.mail.smtp;

import static dev.userkit.mail.smtp.SmtpFixtures.localSettings;
import static dev.userkit.mail.smtp.SmtpFixtures.onlyReceived;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.accounts.NewUser;
import dev.userkit.accounts.Registration;
import dev.userkit.domain.UserStatus;
import dev.userkit.memory.InMemoryStores;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * UserKit assembled without Guice, over the in-memory store, with the SMTP mailer: the mails the
 * services send themselves reach a real SMTP server (GreenMail), and the codes in them work.
 */
class UserKitSmtpEndToEndTest {
    private static final String EMAIL = "alice@example.test";
    private static final String PASSWORD = "purple tractors dream of oceans";
    /** A link code as mailed with the default link builder: 32 random bytes in base64url. */
    private static final Pattern LINK_CODE = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

    @RegisterExtension
    static final GreenMailExtension SERVER = SmtpFixtures.greenMail();

    @Test
    @DisplayName("M1 A2 A3 registering mails the verification code over SMTP, and the mailed code verifies the email")
    void registerWhenSmtpMailerThenVerificationMailArrivesAndItsCodeVerifies() throws Exception {
        UserKit kit = kit(UserKitConfig.builder());
        Registration reg = kit.accounts().register(NewUser.builder("alice", EMAIL).password(PASSWORD).build(), null);
        assertThat(kit.outbox().deliverPending().delivered()).isEqualTo(1);

        MimeMessage m = onlyReceived(SERVER);
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly(EMAIL);
        assertThat(m.getSubject()).isEqualTo("Please verify your email address");
        String mailed = codeIn(m);
        assertThat(mailed).isEqualTo(reg.verificationCode());

        assertThat(kit.accounts().verifyEmail(mailed).status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    @DisplayName("M1 C2 C3 a password reset mails the code over SMTP, and the mailed code resets the password")
    void resetWhenSmtpMailerThenResetMailArrivesAndItsCodeResets() throws Exception {
        // active at sign-up, so the reset mail is the only one
        UserKit kit = kit(UserKitConfig.builder().activateOnSignup(true));
        kit.accounts().register(NewUser.builder("alice", EMAIL).password(PASSWORD).build(), null);
        kit.recovery().requestPasswordReset("alice", null);
        assertThat(kit.outbox().deliverPending().delivered()).isEqualTo(1);

        MimeMessage m = onlyReceived(SERVER);
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly(EMAIL);
        assertThat(m.getSubject()).isEqualTo("Reset your password");

        String newPassword = "seven quiet lanterns over harbour";
        kit.recovery().resetPassword(codeIn(m), newPassword);
        assertThat(kit.sessions().login("alice", newPassword, null).user().email().value()).isEqualTo(EMAIL);
    }

    /** The kit over a new in-memory store, mailing through SMTP to the test server. */
    private static UserKit kit(UserKitConfig.Builder config) {
        return UserKit.builder().stores(InMemoryStores.create()).config(config.build())
                .mailer(SmtpMailModule.mailer(localSettings(SERVER.getSmtp().getPort()).build())).build();
    }

    /** The one link code in the decoded text part. */
    private static String codeIn(MimeMessage m) throws Exception {
        Matcher code = LINK_CODE.matcher(SmtpFixtures.part(m, "text/plain"));
        assertThat(code.find()).as("a code in the body").isTrue();
        return code.group();
    }
}
