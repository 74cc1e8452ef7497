package dev.userkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.userkit.UserKit;
import dev.userkit.config.Settings;
import dev.userkit.domain.UserStatus;
import dev.userkit.launch.Launch;
import dev.userkit.launch.LaunchSettings;
import dev.userkit.mail.smtp.SmtpMailModule;
import dev.userkit.mail.smtp.SmtpSecurity;
import dev.userkit.mail.smtp.SmtpSettings;
import dev.userkit.outbox.OutboxEntry;
import dev.userkit.spi.MessageKind;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code users create} on the server's embedded PostgreSQL queues the verification mail, and a sender
 * over the same database (the server's: a kit with the SMTP mailer) delivers it to GreenMail.
 */
class CliVerificationMailTest {
    private static final String PASSWORD = "copper kites above a sleeping town";
    /** A link code as mailed with the code-only link builder: 32 random bytes in base64url. */
    private static final Pattern LINK_CODE = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path work;

    @Test
    @DisplayName("A2 M2 users create without --active leaves the verification mail in the database's outbox; the server's sender delivers it over SMTP and its code verifies the user")
    void createdPendingGetsItsVerificationMail() throws Exception {
        Map<String, String> settings = Map.of(LaunchSettings.DATA_DIR, work.resolve("userkit-data").toString());
        CliRun created = CliRun.run(new LaunchedKits(), settings, PASSWORD + "\n",
                "users", "create", "erin", "--email", "erin@example.com", "--password-stdin");
        assertThat(created.code()).as(created.all()).isZero();
        assertThat(created.out()).contains("PENDING");

        Settings all = Settings.of(settings);
        try (Launch launch = Launch.open(LaunchSettings.read(all), all);
             UserKit server = launch.kit().mailer(SmtpMailModule.mailer(SmtpSettings.builder().host("127.0.0.1")
                     .port(SMTP.getSmtp().getPort()).security(SmtpSecurity.NONE).timeout(Duration.ofSeconds(3))
                     .from("UserKit <no-reply@userkit.test>").build())).build()) {
            assertThat(server.outbox().pending(10)).extracting(OutboxEntry::kind).containsExactly(MessageKind.VERIFY_EMAIL);
            assertThat(server.outbox().deliverPending().delivered()).isEqualTo(1);

            MimeMessage[] received = SMTP.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getAllRecipients()).extracting(Object::toString).containsExactly("erin@example.com");
            Matcher code = LINK_CODE.matcher(textPart(received[0]));
            assertThat(code.find()).as("a code in the mail").isTrue();
            assertThat(server.accounts().verifyEmail(code.group()).status()).isEqualTo(UserStatus.ACTIVE);
        }
    }

    /** The decoded text/plain part, where the code stands whole (the raw body may break its lines). */
    private static String textPart(MimeMessage m) throws Exception {
        MimeMultipart parts = (MimeMultipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.isMimeType("text/plain")) return (String) p.getContent();
        }
        throw new AssertionError("no text/plain part in " + m.getContentType());
    }
}
