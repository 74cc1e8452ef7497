package dev.userkit.server;

import dev.userkit.config.Settings;
import dev.userkit.mail.smtp.CloseableMailer;
import dev.userkit.mail.smtp.SmtpMailModule;
import dev.userkit.mail.smtp.SmtpSettings;
import dev.userkit.pages.InboxMailer;
import dev.userkit.spi.Mailer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the outbox sender delivers mail: over SMTP when {@code USERKIT_SMTP_HOST} is set (the
 * mail-smtp module's own {@code USERKIT_SMTP_*} settings), else into the pages' local inbox, which
 * only loopback peers may read at {@code /inbox}.
 *
 * @param mailer the mailer the outbox sender uses
 * @param inbox the local inbox, when mail goes there
 * @param closeable what to close after the kit, when the mailer holds a connection
 */
record MailRoute(Mailer mailer, Optional<InboxMailer> inbox, Optional<AutoCloseable> closeable) {
    private static final Logger LOG = LoggerFactory.getLogger(MailRoute.class);

    static MailRoute choose(Settings s) {
        if (s.string("USERKIT_SMTP_HOST").isPresent()) {
            SmtpSettings smtp = SmtpSettings.builder(s).build();
            LOG.info("Mail goes out over SMTP: {}", smtp);
            CloseableMailer mailer = SmtpMailModule.mailer(smtp);
            return new MailRoute(mailer, Optional.empty(), Optional.of(mailer));
        }
        LOG.info("No USERKIT_SMTP_HOST: mail is kept in the local inbox at /inbox (loopback only)");
        InboxMailer inbox = InboxMailer.create();
        return new MailRoute(inbox, Optional.of(inbox), Optional.empty());
    }
}
