package dev.userkit.mail.smtp;

import static dev.userkit.mail.smtp.SmtpFixtures.localSettings;
import static dev.userkit.mail.smtp.SmtpFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.userkit.StoreException;
import dev.userkit.spi.Mailer;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the SMTP mailer fails when the server is not there or does not answer. */
class SmtpMailerFailureTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    @DisplayName("M1 a server that accepts and never answers fails within about the timeout with a StoreException")
    void sendWhenServerSilentThenStoreExceptionAfterTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            assertTimesOutWithinTimeout(silent.port());
        }
    }

    @Test
    @DisplayName("M1 a connect that hangs (no SYN answered) fails within about the timeout with a StoreException saying so")
    void sendWhenConnectHangsThenStoreExceptionAfterTimeout() throws Exception {
        try (FullBacklogServer hanging = new FullBacklogServer()) {
            assertTimesOutWithinTimeout(hanging.port());
        }
    }

    /** A send to this port fails with a StoreException naming the timeout, after about the timeout and no later. */
    private static void assertTimesOutWithinTimeout(int port) {
        Mailer mailer = SmtpMailModule.mailer(localSettings(port).timeout(TIMEOUT).build());

        long start = System.nanoTime();
        // Preemptive: without a timeout this would hang (for minutes or forever), which must fail, not stall the build.
        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowable(() -> mailer.send(message("Reset", "code"))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(thrown).isInstanceOf(StoreException.class).hasRootCauseInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("no answer within 500 ms");
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT.multipliedBy(8).dividedBy(10)).isLessThan(TIMEOUT.multipliedBy(6));
    }

    @Test
    @DisplayName("M1 a refused connection is a StoreException with the connect failure as its cause")
    void sendWhenConnectionRefusedThenStoreException() {
        Mailer mailer = SmtpMailModule.mailer(localSettings(SmtpFixtures.closedPort()).timeout(TIMEOUT).build());

        assertThatThrownBy(() -> mailer.send(message("Reset", "code")))
                .isInstanceOf(StoreException.class)
                .hasRootCauseInstanceOf(ConnectException.class);
    }
}
