package dev.userkit.mail.smtp;

import dev.userkit.StoreException;
import dev.userkit.spi.MailMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.net.SocketTimeoutException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends core's mail over SMTP with Jakarta Mail (M1): multipart/alternative (text and HTML, UTF-8),
 * the Message-ID made from the message id, over one connection reused for bursts and closed when
 * idle. Safe to share between threads. Nothing about the message body is ever logged: it carries
 * one-time codes and links.
 */
final class SmtpMailer implements CloseableMailer {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

    private final SmtpSettings settings;
    private final MimeMail mime;
    private final SmtpConnection connection;

    SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        Session session = Session.getInstance(properties(settings));
        this.mime = new MimeMail(session, settings);
        this.connection = new SmtpConnection(session, settings);
    }

    /**
     * Sends the message. A value unfit for a header throws {@link MailHeaderException} before
     * anything is sent; any failure to hand the mail to the server (connection refused, timeout,
     * TLS, authentication, a rejected recipient) throws {@link StoreException} with the cause, and
     * nothing is retried here: the outbox retries later.
     */
    @Override
    public void send(MailMessage message) {
        try {
            connection.send(mime.of(message));
            LOG.debug("Sent {} mail {} via {}:{}", message.kind(), message.id(), settings.host(), settings.port());
        } catch (MessagingException e) {
            // The recipient and body stay out of the message: both end up in logs and in the outbox's last error.
            throw new StoreException("Could not send " + message.kind() + " mail via SMTP " + settings.host() + ":"
                    + settings.port() + timedOut(e), e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    private String timedOut(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException) return ": no answer within " + settings.timeout().toMillis() + " ms";
        }
        return "";
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
