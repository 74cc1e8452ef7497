package dev.userkit.spi;

/** Sends text messages (C6). Without one bound, reset by phone answers 803. */
public interface SmsSender {
    /** Sends {@code text} to the E.164 number {@code phone}. The text carries a code: do not log it. */
    void send(String phone, String text);
}
