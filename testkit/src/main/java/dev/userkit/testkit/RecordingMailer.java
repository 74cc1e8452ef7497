package dev.userkit.testkit;

import dev.userkit.spi.MailMessage;
import dev.userkit.spi.Mailer;
import dev.userkit.spi.MessageKind;
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

    /**
     * The code of the newest mail of this kind to this address, read from the structured message,
     * never parsed out of a body.
     *
     * @param address the recipient
     * @param kind the kind of mail
     * @return the code, or empty when no such mail carried one
     */
    public synchronized Optional<String> latestCode(String address, MessageKind kind) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            MailMessage m = sent.get(i);
            if (m.to().equalsIgnoreCase(address) && m.kind() == kind && m.code() != null) return Optional.of(m.code());
        }
        return Optional.empty();
    }

    /** Forgets everything sent. */
    public synchronized void clear() {
        sent.clear();
    }
}
