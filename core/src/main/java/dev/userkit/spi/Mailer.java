package dev.userkit.spi;

/** Sends mail (M1). A failure to send is a {@link dev.userkit.StoreException}-like fault: throw an unchecked exception. */
public interface Mailer {
    /**
     * Sends one message.
     *
     * @param message the message
     */
    void send(MailMessage message);
}
