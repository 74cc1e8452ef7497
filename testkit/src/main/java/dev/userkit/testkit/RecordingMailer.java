package dev.userkit.testkit;

import dev.userkit.spi.MailMessage;
import dev.userkit.spi.Mailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link Mailer} that keeps what it is asked to send, for service tests. Thread-safe. */
public final class RecordingMailer implements Mailer {
    private final List<MailMessage> sent = new ArrayList<>();

    @Override
    public synchronized void send(MailMessage message) {
        sent.add(message);
    }

    /**
     * Everything sent so far, oldest first.
     *
     * @return a copy of the sent messages
     */
    public synchronized List<MailMessage> sent() {
        return List.copyOf(sent);
    }

    /**
     * The newest message to this address, if any.
     *
     * @param address the recipient
     * @return the newest message to it, or empty
     */
    public synchronized Optional<MailMessage> lastTo(String address) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).to().equalsIgnoreCase(address)) return Optional.of(sent.get(i));
        }
        return Optional.empty();
    }

    /** Forgets everything sent. */
    public synchronized void clear() {
        sent.clear();
    }
}
