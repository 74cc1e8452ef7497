package dev.userkit.server;

import dev.userkit.config.Settings;
import dev.userkit.mail.smtp.SmtpMailModule;
import dev.userkit.mail.smtp.SmtpSettings;
import dev.userkit.mail.smtp.CloseableMailer;
import dev.userkit.spi.Mailer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the outbox delivers mail: SMTP when {@code USERKIT_SMTP_HOST} is set (mail-smtp's own
 * settings), else nowhere yet.
 *
 * @param mailer the mailer the outbox sender uses, or null
 * @param closeable what to close after the kit, if the mailer holds a connection
 */
record MailRoute(Mailer mailer, Optional<AutoCloseable> closeable) {
    private static final Logger LOG = LoggerFactory.getLogger(MailRoute.class);

    static MailRoute choose(Settings s) {
        if (s.string("USERKIT_SMTP_HOST").isPresent()) {
            CloseableMailer smtp = SmtpMailModule.mailer(SmtpSettings.builder(s).build());
            return new MailRoute(smtp, Optional.of(smtp));
        }
        LOG.warn("No USERKIT_SMTP_HOST: mail is not sent");
        return new MailRoute(null, Optional.empty());
    }
}
