package dev.userkit.mail.smtp;

import dev.userkit.spi.MessageKind;
import dev.userkit.spi.Notification;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.userkit.spi.MailMessage;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Shared set-up for the SMTP tests: settings for a local server, a sample message, the received mail. */
final class SmtpFixtures {
    static final String FROM = "UserKit <no-reply@userkit.test>";
    static final String TO = "alice@example.test";
    static final String USER = "mailer";
    static final String PASSWORD = "s3cret-pass";

    private SmtpFixtures() {}

    /** A GreenMail SMTP server on a free port, knowing the {@link #USER} login. */
    static GreenMailExtension greenMail() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig()
                        .withUser("mailer@userkit.test", USER, PASSWORD));
    }

    /** Plain-text settings for a server on this machine; the timeout keeps a broken test short. */
    static SmtpSettings.Builder localSettings(int port) {
        return SmtpSettings.builder().host("127.0.0.1").port(port).security(SmtpSecurity.NONE)
                .timeout(Duration.ofSeconds(3)).from(FROM);
    }

    /** A reset mail to {@link #TO} with the same body in both parts. */
    static MailMessage message(String subject, String body) {
        return message(UUID.randomUUID().toString(), subject, body, "<p>" + body + "</p>");
    }

    /** A reset mail to {@link #TO} with this id and these parts. */
    static MailMessage message(String id, String subject, String text, String html) {
        return new MailMessage(new Notification(id, MessageKind.PASSWORD_RESET, TO, Locale.ENGLISH, "alice", null, null, null),
                subject, text, html);
    }

    /** The decoded content of the received mail's part of this MIME type (text/plain, text/html), its line ends as sent ({@code \n}). */
    static String part(MimeMessage m, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.isMimeType(type)) return ((String) p.getContent()).replace("\r\n", "\n").strip();
        }
        throw new AssertionError("no " + type + " part in " + m.getContentType());
    }

    /** The throwable and all its causes, outermost first. */
    static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) chain.add(c);
        return chain;
    }

    /** A loopback port that nothing listens on (it was free a moment ago), so connecting is refused. */
    static int closedPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one message the server has received (waiting briefly for it). */
    static MimeMessage onlyReceived(GreenMailOperations server) {
        assertThat(server.waitForIncomingEmail(5_000, 1)).as("a mail arrived").isTrue();
        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }
}
