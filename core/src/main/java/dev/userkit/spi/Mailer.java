package dev.userkit.spi;

/**
 * Sends mail (M1). The outbox drives it, outside requests. A failure to send is an unchecked
 * exception: the outbox retries later, and after its last attempt keeps the message as dead.
 */
public interface Mailer {
    /**
     * Sends one message. The outbox may deliver a message again after a failure or a crash (at least
     * once): send {@link MailMessage#id()} as the Message-ID so a receiver can tell.
     *
     * @param message the message
     */
    void send(MailMessage message);
}
