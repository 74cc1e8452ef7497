package dev.userkit.testkit;

import dev.userkit.spi.SmsMessage;
import dev.userkit.spi.SmsSender;
import java.util.ArrayList;
import java.util.List;

/** An {@link SmsSender} that keeps what it is asked to send. Thread-safe. */
public final class RecordingSmsSender implements SmsSender {
    /** One text message. */
    public record Sms(String phone, String text) {}

    private final List<Sms> sent = new ArrayList<>();

    @Override
    public synchronized void send(SmsMessage message) {
        sent.add(new Sms(message.to(), message.text()));
    }

    /**
     * Everything sent so far, oldest first.
     *
     * @return a copy of the sent messages
     */
    public synchronized List<Sms> sent() {
        return List.copyOf(sent);
    }
}
