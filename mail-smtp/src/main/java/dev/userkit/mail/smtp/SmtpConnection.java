package dev.userkit.mail.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP connection kept open across the mails of a burst (the outbox delivers in batches): the
 * first mail connects, the next ones reuse the connection while it lives, a dropped one is
 * replaced, and an idle one is closed after the idle timeout. Sends are serialised on the one
 * connection, so the class is thread-safe; an idle timeout of zero closes the connection after
 * every mail.
 */
final class SmtpConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpConnection.class);

    private final Session session;
    private final SmtpSettings settings;
    private final Duration idleTimeout;
    private final ScheduledThreadPoolExecutor idleCloser;
    private Transport transport;
    private ScheduledFuture<?> pendingClose;
    private long sends;
    private boolean closed;

    SmtpConnection(Session session, SmtpSettings settings) {
        this.session = session;
        this.settings = settings;
        this.idleTimeout = settings.idleTimeout();
        this.idleCloser = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "userkit-smtp-idle-close");
            t.setDaemon(true);
            return t;
        });
        idleCloser.setRemoveOnCancelPolicy(true);
        // The timer thread ends when nothing is scheduled, so a mailer nobody closes leaves no thread behind.
        idleCloser.setKeepAliveTime(1, TimeUnit.SECONDS);
        idleCloser.allowCoreThreadTimeOut(true);
    }

    /**
     * Sends on the open connection, opening one first if there is none or the server dropped it. A
     * failure closes the connection, so the next mail starts on a fresh one.
     */
    synchronized void send(MimeMessage mime) throws MessagingException {
        if (closed) throw new IllegalStateException("The SMTP mailer is closed");
        cancelPendingClose();
        long thisSend = ++sends;
        try {
            connected().sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            disconnect();
            throw e;
        }
        if (idleTimeout.isZero()) {
            disconnect();
        } else {
            pendingClose = idleCloser.schedule(() -> closeIdle(thisSend), idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Ends the connection and the idle timer; a later {@link #send} is refused. */
    @Override
    public synchronized void close() {
        closed = true;
        cancelPendingClose();
        disconnect();
        idleCloser.shutdownNow();
    }

    private Transport connected() throws MessagingException {
        // isConnected asks the server (NOOP), so a connection the server timed out is noticed here.
        if (transport != null && transport.isConnected()) return transport;
        disconnect();
        Transport fresh = session.getTransport("smtp");
        fresh.connect(settings.host(), settings.port(), settings.username(), settings.password());
        transport = fresh;
        return fresh;
    }

    /** Closes the connection if no mail went out since {@code afterSend}: a timer that fired while a send held the lock is stale. */
    private synchronized void closeIdle(long afterSend) {
        if (sends != afterSend) return;
        pendingClose = null;
        disconnect();
    }

    private void cancelPendingClose() {
        if (pendingClose != null) pendingClose.cancel(false);
        pendingClose = null;
    }

    private void disconnect() {
        if (transport == null) return;
        try {
            transport.close();
        } catch (MessagingException e) {
            // The server may have gone already; the connection is abandoned either way.
            LOG.debug("Closing the SMTP connection to {}:{} failed", settings.host(), settings.port(), e);
        }
        transport = null;
    }
}
