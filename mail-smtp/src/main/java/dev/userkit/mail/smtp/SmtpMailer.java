package dev.userkit.mail.smtp;

import dev.userkit.StoreException;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.Mailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends core's mail over SMTP with Jakarta Mail (M1): one plain-text UTF-8 message per call, on
 * its own connection, so the mailer is safe to share between threads. Nothing about the message
 * body is ever logged: it carries one-time codes and links.
 */
final class SmtpMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final String CHARSET = StandardCharsets.UTF_8.name();

    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;

    SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        this.from = settings.fromAddress();
    }

    /**
     * Sends the message; any failure (connection refused, timeout, TLS, authentication, a rejected
     * recipient) throws {@link StoreException} with the cause, and nothing is retried here.
     */
    @Override
    public void send(MailMessage message) {
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(from);
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
            mime.setSubject(message.subject(), CHARSET);
            mime.setText(message.text(), CHARSET);
            mime.setSentDate(new Date());
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                transport.sendMessage(mime, mime.getAllRecipients());
            }
            LOG.debug("Sent {} mail via {}:{}", message.kind(), settings.host(), settings.port());
        } catch (MessagingException e) {
            // The recipient and body stay out of the message: both end up in logs.
            throw new StoreException("Could not send " + message.kind() + " mail via SMTP " + settings.host() + ":"
                    + settings.port(), e);
        }
    }

    /** The Jakarta Mail session properties for these settings. */
    static Properties properties(SmtpSettings s) {
        Properties p = new Properties();
        String timeout = Long.toString(s.timeout().toMillis());
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", Boolean.toString(s.authenticates()));
        p.setProperty("mail.smtp.from", s.fromAddress().getAddress());
        switch (s.security()) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                // Without "required" a server (or an attacker in the path) that omits STARTTLS
                // would get the codes in plain text.
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        return p;
    }
}
