package dev.userkit.mail.smtp;

import dev.userkit.spi.Mailer;

/**
 * A {@link Mailer} that holds a connection between mails. Close it when the application stops (after
 * the outbox sender); left open, it still closes its connection once idle and keeps no thread alive.
 */
public interface CloseableMailer extends Mailer, AutoCloseable {
    /** Closes the open connection, if any; later sends are refused with {@link IllegalStateException}. */
    @Override
    void close();
}
