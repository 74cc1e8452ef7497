package dev.userkit.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.userkit.ClientContext;
import dev.userkit.UserKitException;
import dev.userkit.accounts.NewUser;
import dev.userkit.outbox.DeliveryReport;
import dev.userkit.outbox.OutboxEntry;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.MessageRenderer;
import dev.userkit.spi.Notification;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.SmsMessage;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbox and the SMTP mailer when the server is away, hangs, or a message can never be sent:
 * nothing is lost, the request never waits for SMTP, and a message that cannot go ends dead with
 * its error.
 */
class OutboxSmtpFailureTest {
    private static final String ALICE = "alice@example.test";

    /** A GreenMail SMTP server on {@code port}, started. */
    private static GreenMail startGreenMail(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static OutboxEntry onlyPending(OutboxFixture f) {
        List<OutboxEntry> pending = f.kit.outbox().pending(10);
        assertThat(pending).hasSize(1);
        return pending.get(0);
    }

    @Test
    @DisplayName("M2 REL-8 SMTP down during a reset request: the request opens no SMTP connection, nothing is lost, and once the server starts the mail is delivered")
    void resetWhenSmtpDownThenQueuedAndDeliveredOnceServerStarts() throws Exception {
        int port = SmtpFixtures.closedPort();
        try (OutboxFixture f = OutboxFixture.mailingTo(port)) {
            f.register("alice", ALICE);
            f.kit.recovery().requestPasswordReset(ALICE, ClientContext.NONE);
            assertThat(f.smtp.connections()).as("SMTP connections made by the request").isZero();

            assertThat(f.deliver().failed()).isEqualTo(1);
            OutboxEntry waiting = onlyPending(f);
            assertThat(waiting.kind()).isEqualTo(MessageKind.PASSWORD_RESET);
            assertThat(waiting.lastError()).contains("PASSWORD_RESET").doesNotContain(ALICE);

            GreenMail server = startGreenMail(port);
            try {
                assertThat(f.deliverAfterRetryDelay().delivered()).isEqualTo(1);
                MimeMessage m = SmtpFixtures.onlyReceived(server);
                assertThat(m.getMessageID()).isEqualTo("<" + waiting.id() + "@userkit.test>");
                f.kit.recovery().resetPassword(OutboxFixture.codeIn(SmtpFixtures.part(m, "text/plain")), "seven quiet lanterns over harbour");
                assertThat(f.kit.outbox().pending(10)).extracting(OutboxEntry::kind).containsExactly(MessageKind.PASSWORD_CHANGED_NOTICE);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    @DisplayName("M2 REL-8 a server that accepts and never answers: the delivery times out, the message stays pending with the error, and is delivered once a real server replaces it")
    void deliverWhenServerHangsThenPendingWithErrorThenDeliveredByRealServer() throws Exception {
        try (SilentServer silent = new SilentServer();
             OutboxFixture f = OutboxFixture.mailingTo(silent.port(), Duration.ofMillis(300), UnaryOperator.identity(), null)) {
            f.register("alice", ALICE);
            f.kit.recovery().requestPasswordReset(ALICE, ClientContext.NONE);

            DeliveryReport hung = f.deliver();
            assertThat(hung.failed()).isEqualTo(1);
            OutboxEntry waiting = onlyPending(f);
            assertThat(waiting.state()).isEqualTo(OutboxState.PENDING);
            assertThat(waiting.attempts()).isEqualTo(1);
            assertThat(waiting.lastError()).contains("no answer within 300 ms");

            GreenMail server = startGreenMail(SmtpFixtures.closedPort());
            try {
                f.smtp.retarget(server.getSmtp().getPort());
                assertThat(f.deliverAfterRetryDelay().delivered()).isEqualTo(1);
                assertThat(SmtpFixtures.onlyReceived(server).getMessageID()).isEqualTo("<" + waiting.id() + "@userkit.test>");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    @DisplayName("M2 REL-8 a message that always fails ends DEAD after the last attempt, with its error, and an administrator can queue it again")
    void deliverWhenAlwaysFailingThenDeadWithError() throws Exception {
        try (OutboxFixture f = OutboxFixture.mailingTo(SmtpFixtures.closedPort(), Duration.ofSeconds(1), o -> o.maxAttempts(2), null)) {
            f.register("alice", ALICE);
            f.kit.recovery().requestPasswordReset(ALICE, ClientContext.NONE);

            assertThat(f.deliver().failed()).isEqualTo(1);
            assertThat(f.deliverAfterRetryDelay().dead()).isEqualTo(1);

            assertThat(f.kit.outbox().pending(10)).isEmpty();
            List<OutboxEntry> dead = f.kit.outbox().dead(10);
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).attempts()).isEqualTo(2);
            assertThat(dead.get(0).lastError()).contains("Could not send PASSWORD_RESET mail via SMTP");
            assertThat(f.kit.outbox().retry(dead.get(0).id())).isTrue();
            OutboxEntry again = onlyPending(f);
            assertThat(again.id()).isEqualTo(dead.get(0).id());
            assertThat(again.attempts()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\nBcc: mallory@evil.test\r\n", "\nX-Injected: yes\n", "\u0000", "\u2028"})
    @DisplayName("M1 SEC-31 CRLF injection through the address or the username of an account is refused; a reset asked for such an address sends nothing")
    void registerWhenAddressOrUsernameHasLineBreakThenRefusedAndNothingSent(String bad) throws Exception {
        try (OutboxFixture f = OutboxFixture.mailingTo(SmtpFixtures.closedPort())) {
            String badAddress = "alice" + bad + "@example.test";
            assertThatThrownBy(() -> f.kit.accounts().register(NewUser.builder("alice", badAddress).password(OutboxFixture.PASSWORD).build(),
                    ClientContext.NONE)).isInstanceOfAny(UserKitException.class, IllegalArgumentException.class);
            assertThatThrownBy(() -> f.kit.accounts().register(NewUser.builder("ali" + bad + "ce", ALICE).password(OutboxFixture.PASSWORD).build(),
                    ClientContext.NONE)).isInstanceOfAny(UserKitException.class, IllegalArgumentException.class);
            f.kit.recovery().requestPasswordReset(badAddress, ClientContext.NONE);

            // What the request queued is the unknown address's decoy, which the sender drops without sending.
            DeliveryReport pass = f.deliver();
            assertThat(pass.failed() + pass.dead()).isZero();
            assertThat(f.kit.outbox().pending(10)).isEmpty();
            assertThat(f.smtp.connections()).isZero();
        }
    }

    @Test
    @DisplayName("M1 SEC-31 a renderer whose subject carries a line break cannot inject a header: delivery fails, nothing is sent, the message ends dead")
    void deliverWhenRenderedSubjectHasLineBreakThenNothingSentAndDead() throws Exception {
        MessageRenderer injecting = new MessageRenderer() {
            @Override
            public MailMessage mail(Notification n) {
                return new MailMessage(n, "Reset\r\nBcc: mallory@evil.test", "text", "<p>html</p>");
            }

            @Override
            public SmsMessage sms(Notification n) {
                throw new AssertionError("this test sends no text message");
            }
        };
        GreenMail server = startGreenMail(SmtpFixtures.closedPort());
        try (OutboxFixture f = OutboxFixture.mailingTo(server.getSmtp().getPort(), Duration.ofSeconds(1), o -> o.maxAttempts(1), injecting)) {
            f.register("alice", ALICE);
            f.kit.recovery().requestPasswordReset(ALICE, ClientContext.NONE);

            assertThat(f.deliver().dead()).isEqualTo(1);
            assertThat(server.getReceivedMessages()).isEmpty();
            assertThat(f.smtp.connections()).isZero();
            assertThat(f.kit.outbox().dead(10).get(0).lastError()).contains("control character").doesNotContain("mallory");
        } finally {
            server.stop();
        }
    }
}
