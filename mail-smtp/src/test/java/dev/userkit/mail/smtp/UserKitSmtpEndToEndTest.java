package dev.userkit.mail.smtp;

import static dev.userkit.mail.smtp.SmtpFixtures.TO;
import static dev.userkit.mail.smtp.SmtpFixtures.localSettings;
import static dev.userkit.mail.smtp.SmtpFixtures.message;
import static dev.userkit.mail.smtp.SmtpFixtures.onlyReceived;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.userkit.UserKit;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.Mailer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * UserKit assembled without Guice, over the in-memory store, with the SMTP mailer.
 * The services are still being written; until Accounts sends a verification mail itself, this
 * test sends through the same mailer instance the kit was built with.
 * Follow-up: register a user through {@code kit.accounts()} and assert the verification mail arrives.
 */
class UserKitSmtpEndToEndTest {
    @RegisterExtension
    static final GreenMailExtension SERVER = SmtpFixtures.greenMail();

    @Test
    @DisplayName("M1 UserKit built with the in-memory store and the SMTP mailer: the mailer delivers to a real server")
    void builderWhenSmtpMailerGivenThenMailReachesServer() throws Exception {
        Mailer mailer = SmtpMailModule.mailer(localSettings(SERVER.getSmtp().getPort()).build());
        UserKit kit = UserKit.builder().stores(InMemoryStores.create()).mailer(mailer).build();
        assertThat(kit.accounts()).isNotNull();

        mailer.send(message("Verify your address", "Your code: 0123"));

        MimeMessage m = onlyReceived(SERVER);
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly(TO);
        assertThat(m.getSubject()).isEqualTo("Verify your address");
    }
}
