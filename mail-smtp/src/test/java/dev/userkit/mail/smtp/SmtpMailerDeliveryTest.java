package dev.userkit.mail.smtp;

import static dev.userkit.mail.smtp.SmtpFixtures.FROM;
import static dev.userkit.mail.smtp.SmtpFixtures.PASSWORD;
import static dev.userkit.mail.smtp.SmtpFixtures.TO;
import static dev.userkit.mail.smtp.SmtpFixtures.USER;
import static dev.userkit.mail.smtp.SmtpFixtures.localSettings;
import static dev.userkit.mail.smtp.SmtpFixtures.message;
import static dev.userkit.mail.smtp.SmtpFixtures.onlyReceived;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.userkit.StoreException;
import dev.userkit.spi.Mailer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The SMTP mailer against a real SMTP server (GreenMail). */
class SmtpMailerDeliveryTest {
    @RegisterExtension
    static final GreenMailExtension SERVER = SmtpFixtures.greenMail();

    private Mailer mailer(SmtpSettings.Builder settings) {
        return SmtpMailModule.mailer(settings.build());
    }

    private int port() {
        return SERVER.getSmtp().getPort();
    }

    @Test
    @DisplayName("M1 a sent mail arrives with its subject, body, recipient and sender")
    void sendWhenServerUpThenDelivered() throws Exception {
        mailer(localSettings(port())).send(message("Reset your password", "Your code: abc123"));

        MimeMessage m = onlyReceived(SERVER);
        assertThat(m.getSubject()).isEqualTo("Reset your password");
        assertThat(((String) m.getContent()).strip()).isEqualTo("Your code: abc123");
        assertThat(m.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(TO));
        assertThat(m.getFrom()).containsExactly(new InternetAddress(FROM));
        assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    }

    @Test
    @DisplayName("M1 a non-ASCII subject and body arrive intact as UTF-8")
    void sendWhenTextIsNotAsciiThenDecodedIntact() throws Exception {
        String subject = "Bestätigen Sie Ihre Adresse – 確認";
        String body = "Grüße, Ærøskøbing — код 42 — 🔑 ✓";
        mailer(localSettings(port())).send(message(subject, body));

        MimeMessage m = onlyReceived(SERVER);
        assertThat(m.getSubject()).isEqualTo(subject);
        assertThat(((String) m.getContent()).strip()).isEqualTo(body);
    }

    @Test
    @DisplayName("M1 line breaks in the subject cannot add headers or recipients")
    void sendWhenSubjectHasLineBreaksThenNoHeaderInjected() throws Exception {
        mailer(localSettings(port())).send(message("Hello\r\nBcc: mallory@evil.test\r\nX-Injected: yes", "body"));

        MimeMessage m = onlyReceived(SERVER);
        assertThat(m.getHeader("X-Injected")).isNull();
        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getAllRecipients()).containsExactly(new InternetAddress(TO));
        assertThat(m.getSubject()).doesNotContain("\r", "\n");
    }

    @Test
    @DisplayName("M1 with a username and password the mailer logs in and the mail is delivered")
    void sendWhenCredentialsRightThenDelivered() throws Exception {
        mailer(localSettings(port()).credentials(USER, PASSWORD)).send(message("Welcome", "Verify: xyz"));

        assertThat(onlyReceived(SERVER).getSubject()).isEqualTo("Welcome");
    }

    @Test
    @DisplayName("M1 a wrong SMTP password is a StoreException caused by the authentication failure")
    void sendWhenPasswordWrongThenStoreException() {
        Mailer mailer = mailer(localSettings(port()).credentials(USER, "wrong-password"));

        assertThatThrownBy(() -> mailer.send(message("Welcome", "Verify: xyz")))
                .isInstanceOf(StoreException.class)
                .hasCauseInstanceOf(AuthenticationFailedException.class);
        assertThat(SERVER.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = SmtpSecurity.class, names = {"STARTTLS", "TLS"})
    @DisplayName("M1 STARTTLS or TLS against a plain-text server (no STARTTLS offered) fails with a StoreException and sends nothing")
    void sendWhenSecurityRequiredButServerPlainThenStoreException(SmtpSecurity security) {
        Mailer mailer = mailer(localSettings(port()).security(security));

        assertThatThrownBy(() -> mailer.send(message("Reset", "Your code: secret-code")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("PASSWORD_RESET")
                .hasMessageNotContaining("secret-code")
                .hasMessageNotContaining(TO);
        assertThat(SERVER.getReceivedMessages()).isEmpty();
    }
}
