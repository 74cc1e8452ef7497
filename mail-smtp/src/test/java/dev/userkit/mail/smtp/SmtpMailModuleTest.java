package dev.userkit.mail.smtp;

import static dev.userkit.mail.smtp.SmtpFixtures.localSettings;
import static dev.userkit.mail.smtp.SmtpFixtures.message;
import static dev.userkit.mail.smtp.SmtpFixtures.onlyReceived;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.userkit.UserKit;
import dev.userkit.UserKitModule;
import dev.userkit.memory.InMemoryStoreModule;
import dev.userkit.spi.Mailer;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SmtpMailModule} wired next to {@link UserKitModule} and a store module. */
class SmtpMailModuleTest {
    @RegisterExtension
    static final GreenMailExtension SERVER = SmtpFixtures.greenMail();

    private static Injector injector(SmtpSettings settings) {
        return Guice.createInjector(new UserKitModule(), new InMemoryStoreModule(), new SmtpMailModule(settings));
    }

    @Test
    @DisplayName("M1 the module fills UserKitModule's optional Mailer binding with the SMTP mailer, which delivers")
    void injectorWhenModuleInstalledThenMailerBoundAndDelivers() throws Exception {
        Injector injector = injector(localSettings(SERVER.getSmtp().getPort()).build());

        assertThat(injector.getInstance(UserKit.class)).isNotNull();
        Optional<Mailer> bound = injector.getInstance(Key.get(new TypeLiteral<Optional<Mailer>>() {}));
        assertThat(bound).containsInstanceOf(SmtpMailer.class);

        bound.orElseThrow().send(message("Via Guice", "body"));
        assertThat(onlyReceived(SERVER).getSubject()).isEqualTo("Via Guice");
    }

    @Test
    @DisplayName("M1 building the injector opens no connection: it succeeds with no server listening")
    void injectorWhenServerAbsentThenStillBuilds() {
        Injector injector = injector(localSettings(SmtpFixtures.closedPort()).build());

        assertThat(injector.getInstance(Mailer.class)).isInstanceOf(SmtpMailer.class);
    }
}
