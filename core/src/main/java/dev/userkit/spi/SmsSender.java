package dev.userkit.spi;

/** Sends text messages (C6). Without one bound, reset by phone answers 803. */
public interface SmsSender {
    /**
     * Sends {@code text} to the E.164 number {@code phone}. The text carries a code: do not log it.
     *
     * @param phone the number in E.164 form
     * @param text the message
     */
    void send(String phone, String text);
}
