package dev.userkit.mail.smtp;

import static dev.userkit.mail.smtp.SmtpFixtures.localSettings;
import static dev.userkit.mail.smtp.SmtpFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One SMTP connection for the mails of a burst, counted by a relay in front of GreenMail. */
class SmtpMailerConnectionReuseTest {
    private static final int BURST = 10;

    @RegisterExtension
    static final GreenMailExtension SERVER = SmtpFixtures.greenMail();

    private CountingProxy proxy;

    @BeforeEach
    void relay() {
        proxy = new CountingProxy(SERVER.getSmtp().getPort());
    }

    @AfterEach
    void stopRelay() throws Exception {
        proxy.close();
    }

    private CloseableMailer mailer(Duration idle) {
        return SmtpMailModule.mailer(localSettings(proxy.port()).idleTimeout(idle).build());
    }

    @Test
    @DisplayName("M1 a burst of mails goes over one SMTP connection, and every mail arrives")
    void sendWhenBurstThenOneConnection() {
        try (CloseableMailer mailer = mailer(Duration.ofSeconds(30))) {
            for (int i = 0; i < BURST; i++) mailer.send(message("Burst " + i, "body " + i));

            assertThat(SERVER.waitForIncomingEmail(5_000, BURST)).isTrue();
            assertThat(proxy.connections()).isEqualTo(1).isLessThan(BURST);
        }
    }

    @Test
    @DisplayName("M1 mails sent from several threads at once share the connection and all arrive")
    void sendWhenConcurrentThenSharedConnectionAndAllDelivered() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (CloseableMailer mailer = mailer(Duration.ofSeconds(30))) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 4 * BURST; i++) {
                int n = i;
                sent.add(threads.submit(() -> mailer.send(message("Parallel " + n, "body"))));
            }
            for (Future<?> f : sent) f.get();

            assertThat(SERVER.waitForIncomingEmail(5_000, 4 * BURST)).isTrue();
            assertThat(SERVER.getReceivedMessages()).hasSize(4 * BURST);
            assertThat(proxy.connections()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("M1 a connection the server dropped is replaced: the next mail reconnects and arrives")
    void sendWhenConnectionDroppedThenReconnects() {
        try (CloseableMailer mailer = mailer(Duration.ofSeconds(30))) {
            mailer.send(message("Before the drop", "body"));
            proxy.dropAll();
            mailer.send(message("After the drop", "body"));

            assertThat(SERVER.waitForIncomingEmail(5_000, 2)).isTrue();
            assertThat(proxy.connections()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("M1 an idle connection is closed after the idle timeout, and the next mail opens a new one")
    void sendWhenIdleLongerThanTimeoutThenClosedAndReopened() {
        try (CloseableMailer mailer = mailer(Duration.ofMillis(200))) {
            mailer.send(message("First", "body"));
            assertThat(proxy.openConnections()).isPositive();

            awaitTrue(() -> proxy.openConnections() == 0);
            mailer.send(message("Second", "body"));

            assertThat(SERVER.waitForIncomingEmail(5_000, 2)).isTrue();
            assertThat(proxy.connections()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("M1 an idle timeout of zero opens a connection per mail and keeps none open")
    void sendWhenIdleTimeoutZeroThenConnectionPerMail() {
        try (CloseableMailer mailer = mailer(Duration.ZERO)) {
            mailer.send(message("One", "body"));
            mailer.send(message("Two", "body"));

            assertThat(proxy.connections()).isEqualTo(2);
            awaitTrue(() -> proxy.openConnections() == 0);
        }
    }

    @Test
    @DisplayName("M1 close() ends the open connection, and a send after close is refused")
    void closeWhenConnectedThenConnectionEndsAndSendRefused() {
        CloseableMailer mailer = mailer(Duration.ofSeconds(30));
        mailer.send(message("Only", "body"));
        mailer.close();

        awaitTrue(() -> proxy.openConnections() == 0);
        assertThatThrownBy(() -> mailer.send(message("Too late", "body"))).isInstanceOf(IllegalStateException.class);
    }

    /** Waits up to 5 s for a condition another thread makes true (no timing is asserted). */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
