package dev.userkit.mail.smtp;

import static dev.userkit.mail.smtp.SmtpFixtures.localSettings;
import static dev.userkit.mail.smtp.SmtpFixtures.message;
import static dev.userkit.mail.smtp.SmtpFixtures.onlyReceived;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.userkit.StoreException;
import dev.userkit.spi.Mailer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Implicit TLS against GreenMail's SMTPS server with a certificate for "localhost" only. The mailer
 * uses the JVM's default SSLContext, as in production; the tests swap that default for one that
 * trusts the test certificate, and put the original back afterwards.
 */
class SmtpMailerTlsTest {
    private static final TestCertificate CERT = TestCertificate.forLocalhost();

    static {
        // GreenMail reads its server key store once per JVM, on the first TLS server it starts.
        System.setProperty("greenmail.tls.keystore.file", CERT.keyStore.toString());
        System.setProperty("greenmail.tls.keystore.password", TestCertificate.PASSWORD);
    }

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort());

    private static SSLContext original;
    private static SSLContext trusting;

    @BeforeAll
    static void trustTestCertificate() throws Exception {
        original = SSLContext.getDefault();
        trusting = CERT.trustingContext();
        SSLContext.setDefault(trusting);
    }

    @AfterAll
    static void restoreDefaultTrust() {
        SSLContext.setDefault(original);
    }

    private static Mailer tlsMailer(String host) {
        return SmtpMailModule.mailer(localSettings(SERVER.getSmtps().getPort()).host(host).security(SmtpSecurity.TLS).build());
    }

    @Test
    @DisplayName("M1 implicit TLS to a trusted server whose certificate names the host delivers the mail")
    void sendWhenTlsAndCertificateTrustedThenDelivered() throws Exception {
        tlsMailer("localhost").send(message("Over TLS", "Your code: tls-1"));

        assertThat(onlyReceived(SERVER).getSubject()).isEqualTo("Over TLS");
    }

    @Test
    @DisplayName("M1 implicit TLS refuses a trusted certificate that does not name the host connected to")
    void sendWhenCertificateNamesOtherHostThenStoreException() {
        // The certificate says "localhost"; 127.0.0.1 is the same server under a name it does not carry.
        assertThatThrownBy(() -> tlsMailer("127.0.0.1").send(message("Over TLS", "Your code: tls-2")))
                .isInstanceOf(StoreException.class)
                .hasStackTraceContaining("No subject alternative names matching IP address 127.0.0.1");
        assertThat(SERVER.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("M1 implicit TLS refuses a certificate the JVM does not trust")
    void sendWhenCertificateUntrustedThenStoreException() {
        SSLContext.setDefault(original);
        try {
            assertThatThrownBy(() -> tlsMailer("localhost").send(message("Over TLS", "Your code: tls-3")))
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(SmtpFixtures.causes(e)).hasAtLeastOneElementOfType(SSLHandshakeException.class));
        } finally {
            SSLContext.setDefault(trusting);
        }
        assertThat(SERVER.getReceivedMessages()).isEmpty();
    }
}
