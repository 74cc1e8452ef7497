package dev.userkit.mail.smtp;

import static dev.userkit.mail.smtp.SmtpFixtures.FROM;
import static dev.userkit.mail.smtp.SmtpFixtures.PASSWORD;
import static dev.userkit.mail.smtp.SmtpFixtures.TO;
import static dev.userkit.mail.smtp.SmtpFixtures.USER;
import static dev.userkit.mail.smtp.SmtpFixtures.localSettings;
import static dev.userkit.mail.smtp.SmtpFixtures.message;
import static dev.userkit.mail.smtp.SmtpFixtures.onlyReceived;
import static dev.userkit.mail.smtp.SmtpFixtures.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.userkit.StoreException;
import dev.userkit.spi.Mailer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import dev.userkit.spi.MailMessage;
import java.util.UUID;
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
    @DisplayName("M1 a sent mail arrives as multipart/alternative with its text and HTML parts, subject, recipient, sender and Content-Language")
    void sendWhenServerUpThenDelivered() throws Exception {
        mailer(localSettings(port())).send(message(UUID.randomUUID().toString(), "Reset your password",
                "Your code: abc123", "<p>Your code: <b>abc123</b></p>"));

        MimeMessage m = onlyReceived(SERVER);
        assertThat(m.getSubject()).isEqualTo("Reset your password");
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        // The text part first: a reader shows the last alternative it can display.
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(part(m, "text/plain")).isEqualTo("Your code: abc123");
        assertThat(part(m, "text/html")).isEqualTo("<p>Your code: <b>abc123</b></p>");
        assertThat(m.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(TO));
        assertThat(m.getFrom()).containsExactly(new InternetAddress(FROM));
        assertThat(m.getContentLanguage()).containsExactly("en");
    }

    @Test
    @DisplayName("M1 a non-ASCII subject is sent as RFC 2047 encoded words, and subject and both parts arrive intact as UTF-8")
    void sendWhenTextIsNotAsciiThenDecodedIntact() throws Exception {
        String subject = "Bestätigen Sie Ihre Adresse – 確認";
        String body = "Grüße, Ærøskøbing — код 42 — 🔑 ✓";
        mailer(localSettings(port())).send(message(UUID.randomUUID().toString(), subject, body, "<p>" + body + "</p>"));

        MimeMessage m = onlyReceived(SERVER);
        String raw = m.getHeader("Subject", null);
        assertThat(raw).startsWith("=?UTF-8?").matches("[\\x20-\\x7E\\t\\r\\n]+");
        assertThat(m.getSubject()).isEqualTo(subject);
        assertThat(part(m, "text/plain")).isEqualTo(body);
        assertThat(part(m, "text/html")).isEqualTo("<p>" + body + "</p>");
    }

    @Test
    @DisplayName("M1 a sender display name that is not ASCII is sent encoded and arrives intact")
    void sendWhenDisplayNameNotAsciiThenEncoded() throws Exception {
        mailer(localSettings(port()).from("Bücherstube Müller <no-reply@userkit.test>")).send(message("Hallo", "body"));

        MimeMessage m = onlyReceived(SERVER);
        assertThat(m.getHeader("From", null)).contains("=?UTF-8?").matches("[\\x20-\\x7E\\t\\r\\n]+");
        assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Bücherstube Müller");
    }

    @Test
    @DisplayName("M2 the Message-ID is made of the message id and the sender's domain, the same on a re-delivery")
    void sendWhenSameMessageTwiceThenSameMessageId() throws Exception {
        MailMessage once = message("3f1c9a2e-1d7b-4c55-9a0e-6c1f0f6b2d11", "Reset", "code", "<p>code</p>");
        Mailer mailer = mailer(localSettings(port()));
        mailer.send(once);
        mailer.send(once);

        assertThat(SERVER.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(SERVER.getReceivedMessages()).extracting(MimeMessage::getMessageID)
                .containsExactly("<3f1c9a2e-1d7b-4c55-9a0e-6c1f0f6b2d11@userkit.test>",
                        "<3f1c9a2e-1d7b-4c55-9a0e-6c1f0f6b2d11@userkit.test>");
    }

    @Test
    @DisplayName("M2 a configured Message-ID domain is used, and an id with characters a msg-id cannot hold is escaped, not dropped")
    void sendWhenMessageIdDomainSetAndIdUnusualThenEscapedUnderThatDomain() throws Exception {
        mailer(localSettings(port()).messageIdDomain("mail.example.test"))
                .send(message("a b<c>@d.é", "Reset", "code", "<p>code</p>"));

        assertThat(onlyReceived(SERVER).getMessageID()).isEqualTo("<a=20b=3Cc=3E=40d=2E=C3=A9@mail.example.test>");
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
