package dev.userkit.mail.smtp;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.userkit.spi.Mailer;
import java.util.Objects;

/**
 * Binds an SMTP {@link Mailer} (M1) for {@link dev.userkit.UserKitModule}. Install both:
 * <pre>{@code
 * Guice.createInjector(new UserKitModule(config), new InMemoryStoreModule(),
 *         new SmtpMailModule(SmtpSettings.builder().host("smtp.example.com").from("no-reply@example.com").build()));
 * }</pre>
 * The module has no side effects: it opens no connection until the first mail is sent. Without
 * Guice, pass {@link #mailer(SmtpSettings)} to {@code UserKit.builder().mailer(...)}.
 */
public final class SmtpMailModule extends AbstractModule {
    private final SmtpSettings settings;

    /**
     * A module sending with these settings.
     *
     * @param settings the server, credentials, security and sender
     */
    public SmtpMailModule(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * An SMTP mailer for plain-Java assembly. Its {@code send} throws
     * {@link dev.userkit.StoreException} when the mail cannot be handed to the server, and
     * {@link MailHeaderException} for a value unfit for a header. It keeps one connection open
     * for the mails of a burst ({@link SmtpSettings#idleTimeout()}); close it on shutdown.
     *
     * @param settings the server, credentials, security and sender
     * @return the mailer
     */
    public static CloseableMailer mailer(SmtpSettings settings) {
        return new SmtpMailer(Objects.requireNonNull(settings, "settings"));
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), Mailer.class).setBinding().toInstance(mailer(settings));
    }
}
