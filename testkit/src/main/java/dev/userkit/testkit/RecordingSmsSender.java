package dev.userkit.testkit;

import dev.userkit.spi.SmsMessage;
import dev.userkit.spi.SmsSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An {@link SmsSender} that keeps what it is asked to send. Thread-safe. */
public final class RecordingSmsSender implements SmsSender {
    private final List<SmsMessage> sent = new ArrayList<>();

    @Override
    public synchronized void send(SmsMessage message) {
        sent.add(message);
    }

    /**
     * Everything sent so far, oldest first.
     *
     * @return a copy of the sent messages
     */
    public synchronized List<SmsMessage> sent() {
        return List.copyOf(sent);
    }

    /**
     * The code of the newest text to this number, read from the structured message, not its text.
     *
     * @param phone the number in E.164 form
     * @return the code, or empty when nothing with a code went to it
     */
    public synchronized Optional<String> latestCode(String phone) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            SmsMessage m = sent.get(i);
            if (m.to().equals(phone) && m.code() != null) return Optional.of(m.code());
        }
        return Optional.empty();
    }
}
