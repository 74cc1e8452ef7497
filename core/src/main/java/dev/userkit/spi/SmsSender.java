package dev.userkit.spi;

/**
 * Sends text messages (C6). The outbox drives it, outside requests; without one bound, reset by
 * phone answers 803. A failure to send is an unchecked exception: the outbox retries later.
 */
public interface SmsSender {
    /**
     * Sends one message. The outbox may deliver a message again after a failure or a crash, with the
     * same {@link Notification#id()}: a gateway that supports idempotency keys should pass it on.
     *
     * @param message the message
     */
    void send(SmsMessage message);
}
